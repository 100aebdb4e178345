package navemu.api.hsts;

import java.time.Instant;

/**
 * One HSTS entry.
 *
 * @param host              the normalised host the entry is for
 * @param includeSubDomains applies to every name under {@code host} too
 * @param observed          when it was stored
 * @param expires           when it lapses (preload entries: {@link Instant#MAX})
 * @param source            {@code dynamic}, {@code preload} or {@code manual}
 */
public record HstsPolicy(String host, boolean includeSubDomains, Instant observed, Instant expires, String source) {
}
