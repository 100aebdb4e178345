package navemu.lab.origin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import navemu.lab.ca.CertificateProfile;
import navemu.lab.ca.LabCertificateAuthority;

/**
 * The chain a Bouncy Castle lab site sends is made once per site: each certificate still goes on
 * the wire as exactly the bytes the CA issued, and no handshake can change what the next one sends.
 * {@code TlsNames} names the negotiated suite from a table made once.
 */
class ServerChainTest {

    @Test
    void eachCertificateEncodesToTheIssuedBytesAndCallersGetCopies(@TempDir Path dir) throws Exception {
        LabCertificateAuthority ca = LabCertificateAuthority.open(dir, Clock.systemUTC(), notice -> { });
        List<X509Certificate> chain = ca.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test")).chain();
        ServerChain server = new ServerChain(new BcTlsCrypto(new SecureRandom()), chain);

        TlsCertificate[] first = server.certificates();
        for (int i = 0; i < chain.size(); i++) {
            assertArrayEquals(chain.get(i).getEncoded(), first[i].getEncoded());
        }
        first[0].getEncoded()[0] ^= 1;
        first[0] = first[1];
        TlsCertificate[] second = server.certificates();
        assertNotSame(first, second);
        assertArrayEquals(chain.get(0).getEncoded(), second[0].getEncoded());
    }

    @Test
    void suiteNamesComeFromTheIanaTable() {
        assertEquals("TLS_AES_128_GCM_SHA256", TlsNames.cipherSuiteName(0x1301));
        assertEquals("TLS_CHACHA20_POLY1305_SHA256", TlsNames.cipherSuiteName(0x1303));
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", TlsNames.cipherSuiteName(0xC02B));
        assertEquals("0xFAFA", TlsNames.cipherSuiteName(0xFAFA));
    }
}
