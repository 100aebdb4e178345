package navemu.tls.core.crypto;

import java.security.SecureRandom;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * TLS 1.2 RSA key exchange (RFC 5246 §7.4.7.1): the client makes a 48-byte pre-master secret
 * (client_version, then 46 random bytes) and encrypts it to the server's RSA key with
 * RSAES-PKCS1-v1_5.
 */
public final class RsaKeyTransport {
    private RsaKeyTransport() {
    }

    /** client_version (the highest version offered, not the negotiated one) + 46 random bytes. */
    public static byte[] newPreMasterSecret(int clientVersion, SecureRandom random) {
        byte[] pms = new byte[48];
        random.nextBytes(pms);
        pms[0] = (byte) (clientVersion >>> 8);
        pms[1] = (byte) clientVersion;
        return pms;
    }

    /** The EncryptedPreMasterSecret; a certificate key that is not RSA is an unsupported_certificate. */
    public static byte[] encrypt(AsymmetricKeyParameter serverKey, byte[] preMasterSecret, SecureRandom random)
            throws TlsAlertException {
        if (!(serverKey instanceof RSAKeyParameters) || serverKey.isPrivate()) {
            throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "RSA key exchange needs an RSA public key in the server certificate");
        }
        PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
        rsa.init(true, new ParametersWithRandom(serverKey, random));
        try {
            return rsa.processBlock(preMasterSecret, 0, preMasterSecret.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("PKCS#1 encryption of 48 bytes cannot fail", e);
        }
    }
}
