package navemu.tls.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * The client's half of the hybrid group X25519MLKEM768 (codepoint 0x11EC,
 * draft-ietf-tls-ecdhe-mlkem), the group Chrome puts first. It is two key exchanges run side by
 * side, and the draft fixes one order for all three of its encodings, ML-KEM first:
 * <pre>
 * client share   = ML-KEM-768 encapsulation key (1184) ‖ X25519 public key (32)  = 1216 bytes
 * server share   = ML-KEM-768 ciphertext (1088)       ‖ X25519 public key (32)  = 1120 bytes
 * shared secret  = ML-KEM-768 shared secret (32)      ‖ X25519 shared secret (32) = 64 bytes
 * </pre>
 * The 64 bytes go into the key schedule where an (EC)DHE secret would (RFC 8446 §7.1).
 *
 * <p>The server's share is checked strictly: exactly 1120 bytes (so the ciphertext is exactly
 * 1088), and an X25519 part that gives an all-zero secret (RFC 8446 §7.4.2, RFC 7748 §6.1) is
 * refused. Each is an illegal_parameter, as for any malformed key share.
 *
 * <p>The ML-KEM half is Bouncy Castle's lightweight FIPS 203 implementation. A wrong ciphertext
 * of the right length cannot be detected by the client: ML-KEM decapsulation then returns an
 * unrelated ("implicitly rejected") secret, and the handshake fails at the server's Finished.
 */
public final class X25519MlKem768KeyExchange implements ClientKeyShare {
    /** The NamedGroup codepoint (IANA TLS Supported Groups registry). */
    public static final int CODE = 0x11ec;
    public static final String NAME = "X25519MLKEM768";
    public static final int MLKEM_ENCAPSULATION_KEY_LENGTH = 1184;
    public static final int MLKEM_CIPHERTEXT_LENGTH = 1088;
    public static final int X25519_LENGTH = 32;
    public static final int CLIENT_SHARE_LENGTH = MLKEM_ENCAPSULATION_KEY_LENGTH + X25519_LENGTH;
    public static final int SERVER_SHARE_LENGTH = MLKEM_CIPHERTEXT_LENGTH + X25519_LENGTH;
    public static final int SHARED_SECRET_LENGTH = 64;

    private final MLKEMPrivateKeyParameters mlkemPrivate;
    private final X25519PrivateKeyParameters x25519Private;
    private final byte[] clientShare;

    private X25519MlKem768KeyExchange(MLKEMPrivateKeyParameters mlkemPrivate, X25519PrivateKeyParameters x25519Private) {
        this.mlkemPrivate = mlkemPrivate;
        this.x25519Private = x25519Private;
        byte[] encapsulationKey = mlkemPrivate.getPublicKeyParameters().getEncoded();
        byte[] x25519Public = x25519Private.generatePublicKey().getEncoded();
        this.clientShare = concat(encapsulationKey, x25519Public);
    }

    /** A fresh key pair of each kind, as for every ClientHello. */
    public static X25519MlKem768KeyExchange generate(SecureRandom random) {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new X25519MlKem768KeyExchange((MLKEMPrivateKeyParameters) pair.getPrivate(),
                new X25519PrivateKeyParameters(random));
    }

    @Override
    public int groupCode() {
        return CODE;
    }

    @Override
    public String groupName() {
        return NAME;
    }

    /** The 1216-byte key_exchange of our KeyShareEntry. */
    @Override
    public byte[] publicKey() {
        return clientShare.clone();
    }

    /** The ML-KEM-768 encapsulation key alone (the first 1184 bytes of our share). */
    public MLKEMPublicKeyParameters encapsulationKey() {
        return mlkemPrivate.getPublicKeyParameters();
    }

    /**
     * The 64-byte hybrid secret from the server's key_exchange: decapsulate its ciphertext, run
     * X25519 with its public key, and put the ML-KEM secret first.
     */
    @Override
    public byte[] sharedSecret(byte[] serverShare) throws TlsAlertException {
        if (serverShare.length != SERVER_SHARE_LENGTH) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, NAME + " server share must be "
                    + SERVER_SHARE_LENGTH + " bytes (ML-KEM-768 ciphertext " + MLKEM_CIPHERTEXT_LENGTH
                    + " + X25519 " + X25519_LENGTH + "), got " + serverShare.length);
        }
        byte[] ciphertext = Arrays.copyOfRange(serverShare, 0, MLKEM_CIPHERTEXT_LENGTH);
        byte[] x25519Peer = Arrays.copyOfRange(serverShare, MLKEM_CIPHERTEXT_LENGTH, SERVER_SHARE_LENGTH);

        byte[] x25519Secret = new byte[X25519_LENGTH];
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(x25519Private);
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(x25519Peer, 0), x25519Secret, 0);
        } catch (IllegalStateException allZero) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the X25519 part of the server's "
                    + NAME + " share gives an all-zero shared secret (RFC 8446 §7.4.2)");
        }

        MLKEMExtractor extractor = new MLKEMExtractor(mlkemPrivate);
        if (extractor.getEncapsulationLength() != MLKEM_CIPHERTEXT_LENGTH) {
            throw new IllegalStateException("ML-KEM-768 ciphertext length is " + extractor.getEncapsulationLength());
        }
        byte[] mlkemSecret = extractor.extractSecret(ciphertext);
        return concat(mlkemSecret, x25519Secret);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
