package navemu.api.dns;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The cache of a {@link DnsResolver} that keeps one. A resolver registers this interface beside
 * {@link DnsResolver} (the same service object); one without a cache does not, and the shell's
 * {@code dns cache} / {@code dns flush} say so.
 */
@ConsumerType
public interface DnsCache {

    /** What the cache holds now, one line per entry (name, type, answer, TTL left); empty when empty. */
    List<String> entries();

    /** Empties the cache ({@code dns flush}); returns how many entries were dropped. */
    int flush();

    /**
     * A resolver that asks the same servers the same way as this one but keeps its own cache,
     * empty at first and never shared with this one's: what a navigation with a private
     * {@link navemu.api.nav.NavigationScope} resolves with. It is itself a {@link DnsCache}.
     */
    DnsResolver withPrivateCache();
}
