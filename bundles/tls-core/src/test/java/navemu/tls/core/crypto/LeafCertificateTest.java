package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
