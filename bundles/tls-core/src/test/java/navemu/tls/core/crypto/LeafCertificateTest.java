package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.testing.TestPki;

/**
 * Every one-byte mutation of a real leaf certificate either parses to a leaf whose names can be
 * read, or is refused as bad_certificate: never a Java exception out of the parser or, later, out
 * of {@code subject()}/{@code issuer()} (the fuzz findings of issue 11).
 */
class LeafCertificateTest {

    @Test
    void everyOneByteMutationIsALeafOrABadCertificate() throws Exception {
        byte[] der = TestPki.create(TestPki.KeyType.ECDSA).leaf.getEncoded();
        int refused = 0;
        for (int i = 0; i < der.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xff}) {
                byte[] mutated = der.clone();
                mutated[i] ^= (byte) flip;
                try {
                    LeafCertificate leaf = LeafCertificate.parse(mutated);
                    assertTrue(leaf.subject() != null && leaf.issuer() != null);
                } catch (TlsAlertException e) {
                    assertEquals(AlertDescription.BAD_CERTIFICATE, e.alert(), e.getMessage());
                    assertEquals(NetError.ERR_SSL_SERVER_CERT_BAD_FORMAT, e.error());
                    refused++;
                } catch (RuntimeException e) {
                    fail("byte " + i + " ^ " + flip + ": " + e, e);
                }
            }
        }
        assertTrue(refused > 0, "some mutations must break the DER");
    }

    @Test
    void theSameLeafAgainIsNotParsedAgainButADifferentOneAlwaysIs() throws Exception {
        TestPki one = TestPki.create(TestPki.KeyType.ECDSA);
        TestPki other = TestPki.create(TestPki.KeyType.ECDSA);
        byte[] der = one.leaf.getEncoded();
        LeafCertificate first = LeafCertificate.parse(der);
        assertSame(first, LeafCertificate.parse(der.clone()), "the same bytes: the kept leaf");

        // Another certificate with the very same names: its own key, never the kept one's.
        LeafCertificate second = LeafCertificate.parse(other.leaf.getEncoded());
        assertNotSame(first, second);
        assertEquals(first.subject(), second.subject());
        assertNotEquals(first.publicKey(), second.publicKey());

        // One byte changed (in the signature, so it still parses): not the kept leaf.
        byte[] changed = der.clone();
        changed[changed.length - 3] ^= 0x01;
        assertNotSame(first, LeafCertificate.parse(changed));

        // The caller's array changed after the parse cannot change what was kept.
        byte[] reused = other.leaf.getEncoded();
        LeafCertificate fromReused = LeafCertificate.parse(reused);
        System.arraycopy(der, 0, reused, 0, Math.min(der.length, reused.length));
        assertSame(fromReused, LeafCertificate.parse(other.leaf.getEncoded()));
    }

    @Test
    void aPeerSendingANewLeafEachTimeCannotGrowTheCache() throws Exception {
        byte[] der = TestPki.create(TestPki.KeyType.ECDSA).leaf.getEncoded();
        for (int i = 0; i < LeafCertificate.KEPT * 3; i++) {
            byte[] changed = der.clone();
            changed[changed.length - 3] = (byte) i;
            changed[changed.length - 4] = (byte) (i >> 8);
            LeafCertificate.parse(changed);
        }
        assertTrue(LeafCertificate.kept() <= LeafCertificate.KEPT, "kept " + LeafCertificate.kept());
    }

    @Test
    void aKeptLeafHandsOutItsKeyWithoutLookingItUpAgain() throws Exception {
        TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
        byte[] der = pki.leaf.getEncoded();
        org.bouncycastle.crypto.params.AsymmetricKeyParameter key = LeafCertificate.parse(der).publicKey();
        assertEquals(org.bouncycastle.util.encoders.Hex.toHexString(pki.leaf.getPublicKey().getEncoded()),
                org.bouncycastle.util.encoders.Hex.toHexString(
                        org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded()));
        PublicKeyCache.shared().clear();
        // The next handshake meets the same leaf: the kept leaf's key, not a new lookup (nor a new decode).
        assertSame(key, LeafCertificate.parse(der.clone()).publicKey());
        assertEquals(0, PublicKeyCache.shared().size());
    }
}
