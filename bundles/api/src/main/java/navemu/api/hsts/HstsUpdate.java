package navemu.api.hsts;

/**
 * What the store did with an observation.
 *
 * @param changed true when an entry was stored, refreshed or removed (max-age=0)
 * @param note    why, in one sentence: "stored max-age=31536000; includeSubDomains",
 *                "ignored: received over http://", "ignored: duplicate max-age directive"…
 */
public record HstsUpdate(boolean changed, String note) {
}
