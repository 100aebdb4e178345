package navemu.hsts.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;

/**
 * A complete {@link HstsStore} of dynamic entries (learnt from headers or added by hand), held in
 * an {@link HstsTable}: the {@code memory} implementation as it is, and the base that {@code file}
 * persists and {@code preload} layers over its list.
 *
 * <p>Every host argument is normalised here; a host that cannot be (an IP literal, not a domain
 * name) never matches, and {@link #add} refuses it with the reason.
 */
public final class DynamicHstsStore implements HstsStore {

    /** {@link HstsPolicy#source()} of an entry learnt from a Strict-Transport-Security header. */
    public static final String SOURCE_DYNAMIC = "dynamic";
    /** {@link HstsPolicy#source()} of an entry added with {@link #add}. */
    public static final String SOURCE_MANUAL = "manual";
    /** {@link HstsPolicy#source()} of an entry from a preload list. */
    public static final String SOURCE_PRELOAD = "preload";

    private final HstsTable table;

    public DynamicHstsStore() {
        this(new HstsTable());
    }

    /** A store over {@code table}, e.g. one loaded from a file. */
    public DynamicHstsStore(HstsTable table) {
        this.table = table;
    }

    /** The entries, for a persisting store to save. */
    public HstsTable table() {
        return table;
    }

    @Override
    public Optional<HstsPolicy> lookup(String host, Instant now) {
        if (host == null || HstsHost.isIpLiteral(host)) {
            return Optional.empty(); // RFC 6797 §8.3: IP literals are never upgraded
        }
        try {
            return table.match(HstsHost.normalise(host), now);
        } catch (IllegalArgumentException notADomainName) {
            return Optional.empty();
        }
    }

    @Override
    public HstsUpdate observe(HstsObservation observation, Instant now) {
        StsDecision decision = StsObservationRules.decide(observation);
        if (decision instanceof StsDecision.Ignore ignore) {
            return new HstsUpdate(false, ignore.note());
        }
        if (decision instanceof StsDecision.Forget forget) {
            Optional<HstsPolicy> removed = table.remove(forget.host());
            if (removed.isPresent()) {
                return new HstsUpdate(true, "removed " + forget.host() + ": max-age=0" + forget.caveat());
            }
            return new HstsUpdate(false, "max-age=0 for " + forget.host()
                    + ", which was not a Known HSTS Host: nothing to remove" + forget.caveat());
        }
        StsDecision.Remember remember = (StsDecision.Remember) decision;
        StsDirectives directives = remember.directives();
        HstsPolicy policy = new HstsPolicy(remember.host(), directives.includeSubDomains(), now,
                expiry(now, directives.maxAge()), SOURCE_DYNAMIC);
        Optional<HstsPolicy> previous = table.put(policy);
        String verb = previous.filter(p -> !HstsTable.isExpired(p, now)).isPresent() ? "updated " : "stored ";
        return new HstsUpdate(true, verb + describe(directives) + remember.caveat());
    }

    @Override
    public List<HstsPolicy> list(Instant now) {
        return table.live(now);
    }

    /**
     * Adds or replaces the entry for {@code host} by hand.
     *
     * @throws IllegalArgumentException when the host is not a domain name, or max-age is not positive
     */
    @Override
    public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        String name = HstsHost.normalise(host);
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max-age must be at least one second (to remove "
                    + name + ", delete it)");
        }
        table.put(new HstsPolicy(name, includeSubDomains, now, expiry(now, maxAge), SOURCE_MANUAL));
    }

    /** Removes the entry for exactly {@code host} (not its parents); false for a host not known. */
    @Override
    public boolean delete(String host) {
        try {
            return table.remove(HstsHost.normalise(host)).isPresent();
        } catch (IllegalArgumentException notADomainName) {
            return false;
        }
    }

    @Override
    public void clear() {
        table.clear();
    }

    /** {@code now + maxAge}, saturating at {@link Instant#MAX} instead of overflowing. */
    static Instant expiry(Instant now, Duration maxAge) {
        Duration room = Duration.between(now, Instant.MAX);
        return maxAge.compareTo(room) >= 0 ? Instant.MAX : now.plus(maxAge);
    }

    private static String describe(StsDirectives directives) {
        String text = directives.describe();
        if (directives.capped()) {
            text += " [max-age above one year is capped, as Chromium does]";
        }
        if (!directives.ignoredDirectives().isEmpty()) {
            text += " [unknown directives ignored: " + String.join(", ", directives.ignoredDirectives()) + "]";
        }
        return text;
    }
}
