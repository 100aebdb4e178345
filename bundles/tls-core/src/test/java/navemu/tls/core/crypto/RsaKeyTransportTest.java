package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/** The RSA key exchange's pre-master secret (RFC 5246 §7.4.7.1) reaches the holder of the private key. */
class RsaKeyTransportTest {

    @Test
    void thePreMasterSecretStartsWithTheClientVersionAndDecryptsWithThePrivateKey() throws Exception {
        SecureRandom random = new SecureRandom();
        RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
        gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, 2048, 80));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        byte[] pms = RsaKeyTransport.newPreMasterSecret(0x0303, random);
        assertEquals(48, pms.length);
        assertEquals(3, pms[0]);
        assertEquals(3, pms[1]);
        byte[] encrypted = RsaKeyTransport.encrypt(pair.getPublic(), pms, random);
        assertEquals(256, encrypted.length);
        PKCS1Encoding server = new PKCS1Encoding(new RSABlindedEngine());
        server.init(false, pair.getPrivate());
        assertArrayEquals(pms, server.processBlock(encrypted, 0, encrypted.length));
    }

    @Test
    void aNonRsaCertificateKeyIsAnUnsupportedCertificate() {
        var ec = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(new SecureRandom()).generatePublicKey();
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> RsaKeyTransport.encrypt(ec, new byte[48], new SecureRandom()));
        assertEquals(AlertDescription.UNSUPPORTED_CERTIFICATE, e.alert());
    }
}
