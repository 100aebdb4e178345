package navemu.tls.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Decoded server public keys by the exact DER bytes of their SubjectPublicKeyInfo, so that
 * repeated handshakes with the same server check CertificateVerify with the same key object, as
 * the pkix validator's certificate cache does for issuers. The decode itself is cheap; what the
 * reuse saves is Bouncy Castle's precomputed multiples of an EC key's point, which it keeps on
 * the point object (thread-safely) and otherwise rebuilds on every verify: an ECDSA P-256 verify
 * takes less than half the time with a cached key (scripts/bench.sh leafkey).
 *
 * <p>Safe because the key is a pure function of those bytes: two certificates share an entry
 * only when their SubjectPublicKeyInfo encodes to the same DER, i.e. when they carry the same
 * key, and the bytes are copied, so nobody can change an entry's key afterwards. Keys that fail
 * to decode are not cached (each attempt fails again the same way). At most
 * {@value #DEFAULT_CAPACITY} keys by default, the least recently used dropped first, so a peer
 * that sends a new certificate on every connection cannot grow it. Thread-safe.
 */
public final class PublicKeyCache {
    static final int DEFAULT_CAPACITY = 256;

    /** The one cache of this bundle: every TLS client (1.3, 1.2, browser) shares it. */
    private static final PublicKeyCache SHARED = new PublicKeyCache(DEFAULT_CAPACITY);

    private final int capacity;
    private final Map<ByteBuffer, AsymmetricKeyParameter> keys;

    PublicKeyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        // Access order: a get moves the entry to the end, so the eldest is the least recently used.
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, AsymmetricKeyParameter> eldest) {
                return size() > PublicKeyCache.this.capacity;
            }
        };
    }

    static PublicKeyCache shared() {
        return SHARED;
    }

    /**
     * The key {@link PublicKeyFactory#createKey(SubjectPublicKeyInfo)} gives for this
     * SubjectPublicKeyInfo, from the cache when the same DER was decoded before.
     */
    AsymmetricKeyParameter decode(SubjectPublicKeyInfo info) throws IOException {
        ByteBuffer der = ByteBuffer.wrap(info.getEncoded(ASN1Encoding.DER));
        synchronized (keys) {
            AsymmetricKeyParameter known = keys.get(der);
            if (known != null) {
                return known;
            }
        }
        // Decoded outside the lock: two threads may decode the same key at once, and both get
        // an equal key; the lock only guards the map.
        AsymmetricKeyParameter fresh = PublicKeyFactory.createKey(info);
        synchronized (keys) {
            keys.put(der, fresh);
        }
        return fresh;
    }

    int size() {
        synchronized (keys) {
            return keys.size();
        }
    }

    void clear() {
        synchronized (keys) {
            keys.clear();
        }
    }
}
