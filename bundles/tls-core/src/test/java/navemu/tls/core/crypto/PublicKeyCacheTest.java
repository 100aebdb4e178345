package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.testing.TestPki;

/**
 * The leaf's public key is decoded once per distinct SubjectPublicKeyInfo, and the cache never
 * hands out a key other than the one the bytes encode.
 */
class PublicKeyCacheTest {

    @Test
    void theSameServersKeyIsDecodedOnceAcrossHandshakes() throws Exception {
        byte[] der = TestPki.create(TestPki.KeyType.ECDSA).leaf.getEncoded();
        // Two handshakes parse the certificate afresh each time; the key object is the cached one.
        AsymmetricKeyParameter first = LeafCertificate.parse(der).publicKey();
        AsymmetricKeyParameter second = LeafCertificate.parse(der.clone()).publicKey();
        assertSame(first, second);
    }

    @Test
    void aCachedKeyIsTheKeyTheBytesEncode() throws Exception {
        PublicKeyCache cache = new PublicKeyCache(4);
        for (TestPki.KeyType type : TestPki.KeyType.values()) {
            SubjectPublicKeyInfo info = spki(TestPki.create(type).leaf.getPublicKey().getEncoded());
            AsymmetricKeyParameter cold = cache.decode(info);
            AsymmetricKeyParameter warm = cache.decode(spki(info.getEncoded()));
            assertSame(cold, warm);
            assertArrayEquals(info.getEncoded(ASN1Encoding.DER),
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(warm).getEncoded(ASN1Encoding.DER));
        }
    }

    @Test
    void aDifferentKeyIsNeverServedFromTheCache() throws Exception {
        PublicKeyCache cache = new PublicKeyCache(4);
        List<byte[]> keys = ecKeys(2);
        AsymmetricKeyParameter a = cache.decode(spki(keys.get(0)));
        AsymmetricKeyParameter b = cache.decode(spki(keys.get(1)));
        assertNotSame(a, b);
        assertNotEquals(encoded(a), encoded(b));
        assertArrayEquals(keys.get(1), SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(b).getEncoded());

        // One bit flipped inside the key's point: a different SPKI, so a fresh decode (which here
        // fails, the point being off the curve), never the cached key.
        byte[] flipped = keys.get(0).clone();
        flipped[flipped.length - 1] ^= 1;
        assertThrows(RuntimeException.class, () -> cache.decode(spki(flipped)));
        assertEquals(2, cache.size(), "a key that fails to decode is not cached");
    }

    @Test
    void theCacheKeepsAtMostItsCapacityLeastRecentlyUsedOut() throws Exception {
        PublicKeyCache cache = new PublicKeyCache(3);
        List<byte[]> keys = ecKeys(5);
        AsymmetricKeyParameter oldest = cache.decode(spki(keys.get(0)));
        AsymmetricKeyParameter dropped = cache.decode(spki(keys.get(1)));
        cache.decode(spki(keys.get(2)));
        assertSame(oldest, cache.decode(spki(keys.get(0))), "used again, so now the most recent");
        cache.decode(spki(keys.get(3)));
        cache.decode(spki(keys.get(4)));
        assertEquals(3, cache.size());
        assertSame(oldest, cache.decode(spki(keys.get(0))));
        assertNotSame(dropped, cache.decode(spki(keys.get(1))), "the least recently used one was dropped");
        assertEquals(3, cache.size());
    }

    @Test
    void theSharedCacheIsBounded() throws Exception {
        PublicKeyCache shared = PublicKeyCache.shared();
        for (byte[] key : ecKeys(PublicKeyCache.DEFAULT_CAPACITY + 10)) {
            shared.decode(spki(key));
        }
        assertEquals(PublicKeyCache.DEFAULT_CAPACITY, shared.size());
    }

    @Test
    void anUnusableKeyIsAnUnsupportedCertificateEveryTime() throws Exception {
        TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
        byte[] der = pki.leaf.getEncoded();
        byte[] spki = pki.leaf.getPublicKey().getEncoded();
        int at = indexOf(der, spki);
        assertNotEquals(-1, at, "the certificate carries its SubjectPublicKeyInfo verbatim");
        // The last byte of the EC point: the DER still parses, the point is off the curve.
        der[at + spki.length - 1] ^= 1;
        LeafCertificate leaf = LeafCertificate.parse(der);
        for (int attempt = 0; attempt < 2; attempt++) {
            TlsAlertException e = assertThrows(TlsAlertException.class, leaf::publicKey);
            assertEquals(AlertDescription.UNSUPPORTED_CERTIFICATE, e.alert());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static SubjectPublicKeyInfo spki(byte[] der) {
        return SubjectPublicKeyInfo.getInstance(der);
    }

    private static String encoded(AsymmetricKeyParameter key) throws IOException {
        return java.util.HexFormat.of().formatHex(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded());
    }

    private static List<byte[]> ecKeys(int count) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(generator.generateKeyPair().getPublic().getEncoded());
        }
        return keys;
    }
}
