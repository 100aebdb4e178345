package navemu.api.hsts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The {@code hsts} slot: the browser's list of hosts that must only be reached over HTTPS
 * (RFC 6797).
 *
 * <p>Contract: host names are normalised (lower case, IDNs as A-labels, trailing dot dropped)
 * by the store; expiry is judged by the {@code now} the caller passes (the navigation's clock).
 * Safe to call from several threads.
 */
@ConsumerType
public interface HstsStore {

    /** The policy that applies to {@code host}: its own entry, or a parent's with includeSubDomains. */
    Optional<HstsPolicy> lookup(String host, Instant now);

    /**
     * Processes the Strict-Transport-Security headers of one response (RFC 6797 §8.1): the
     * store decides, by the observation's transport and certificate state, whether to take them.
     */
    HstsUpdate observe(HstsObservation observation, Instant now);

    /** Every unexpired entry. */
    List<HstsPolicy> list(Instant now);

    /** Adds or replaces a dynamic entry by hand (the shell's {@code hsts add}). */
    void add(String host, Duration maxAge, boolean includeSubDomains, Instant now);

    /** Removes the dynamic entry for exactly this host; true if there was one. */
    boolean delete(String host);

    /** Removes every dynamic entry. */
    void clear();
}
