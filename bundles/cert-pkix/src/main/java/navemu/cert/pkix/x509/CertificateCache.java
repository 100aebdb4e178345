package navemu.cert.pkix.x509;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed certificates by their DER bytes, so that the certificates a server sends on every
 * connection (its leaf, its intermediates) are parsed once. The JDK's CertificateFactory keeps a
 * similar cache. At most {@value #CAPACITY} entries; emptied when full.
 */
public final class CertificateCache {
    static final int CAPACITY = 1024;

    private final Map<ByteBuffer, ParsedCertificate> parsed = new ConcurrentHashMap<>();

    /** As {@link ParsedCertificate#parse}, from the cache when these bytes were parsed before. */
    public ParsedCertificate parse(byte[] der) throws CertificateParseException {
        if (der == null) {
            return ParsedCertificate.parse(null);
        }
        ByteBuffer key = ByteBuffer.wrap(der.clone());
        ParsedCertificate known = parsed.get(key);
        if (known != null) {
            return known;
        }
        ParsedCertificate fresh = ParsedCertificate.parse(key.array());
        if (parsed.size() >= CAPACITY) {
            parsed.clear();
        }
        parsed.put(key, fresh);
        return fresh;
    }
}
