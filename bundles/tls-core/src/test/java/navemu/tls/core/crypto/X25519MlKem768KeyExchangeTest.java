package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;
import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * The client half of X25519MLKEM768 against a server half built here from Bouncy Castle's own
 * ML-KEM encapsulation and X25519, reading our share the way a server does
 * (draft-ietf-tls-ecdhe-mlkem: ML-KEM first in the client share, the server share and the
 * secret), and the checks on the server's share. {@link X25519MlKem768InteropTest} asks Bouncy
 * Castle's TLS server code instead (1.82: the project's 1.80 knows only pure ML-KEM groups, and
 * OpenSSL 3.0 no ML-KEM at all).
 */
class X25519MlKem768KeyExchangeTest {
    private final SecureRandom random = new SecureRandom();

    /** What a server does with our share: encapsulate to our ML-KEM key, X25519 with our X25519 key. */
    private final class Server {
        final byte[] share;
        final byte[] secret;

        Server(byte[] clientShare) {
            byte[] encapsulationKey = Arrays.copyOfRange(clientShare, 0, 1184);
            byte[] clientX25519 = Arrays.copyOfRange(clientShare, 1184, 1216);
            SecretWithEncapsulation kem = new MLKEMGenerator(random)
                    .generateEncapsulated(new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, encapsulationKey));
            X25519PrivateKeyParameters x = new X25519PrivateKeyParameters(random);
            byte[] xSecret = new byte[32];
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(x);
            agreement.calculateAgreement(new X25519PublicKeyParameters(clientX25519, 0), xSecret, 0);
            share = concat(kem.getEncapsulation(), x.generatePublicKey().getEncoded());
            secret = concat(kem.getSecret(), xSecret);
        }
    }

    @Test
    void theClientShareIsTheEncapsulationKeyThenTheX25519Key() {
        X25519MlKem768KeyExchange client = X25519MlKem768KeyExchange.generate(random);
        byte[] share = client.publicKey();
        assertEquals(1216, share.length);
        assertArrayEquals(client.encapsulationKey().getEncoded(), Arrays.copyOfRange(share, 0, 1184));
        assertEquals(0x11ec, client.groupCode());
        assertEquals("X25519MLKEM768", client.groupName());
    }

    @Test
    void bothSidesAgreeOnTheSixtyFourByteSecretWithTheMlKemPartFirst() throws Exception {
        X25519MlKem768KeyExchange client = X25519MlKem768KeyExchange.generate(random);
        Server server = new Server(client.publicKey());
        assertEquals(1120, server.share.length);
        byte[] secret = client.sharedSecret(server.share);
        assertEquals(64, secret.length);
        assertArrayEquals(server.secret, secret);
    }

    @Test
    void aServerShareOfAnyOtherLengthIsAnIllegalParameter() throws Exception {
        X25519MlKem768KeyExchange client = X25519MlKem768KeyExchange.generate(random);
        byte[] good = new Server(client.publicKey()).share;
        for (int length : new int[] {0, 32, 1088, 1119, 1121, 1216}) {
            byte[] bad = Arrays.copyOf(good, length);
            TlsAlertException e = assertThrows(TlsAlertException.class, () -> client.sharedSecret(bad), "length " + length);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
        }
    }

    @Test
    void anX25519PartGivingAnAllZeroSecretIsAnIllegalParameter() {
        X25519MlKem768KeyExchange client = X25519MlKem768KeyExchange.generate(random);
        byte[] share = new Server(client.publicKey()).share;
        Arrays.fill(share, 1088, 1120, (byte) 0); // the point 0 has small order: X25519 gives all zeros
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> client.sharedSecret(share));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
    }

    @Test
    void aTamperedCiphertextGivesADifferentSecretSoTheHandshakeCannotComplete() throws Exception {
        X25519MlKem768KeyExchange client = X25519MlKem768KeyExchange.generate(random);
        Server server = new Server(client.publicKey());
        byte[] tampered = server.share.clone();
        tampered[100] ^= 1;
        byte[] secret = client.sharedSecret(tampered);
        // ML-KEM's implicit rejection: a secret, but not the server's; the X25519 half still matches.
        assertFalse(Arrays.equals(Arrays.copyOf(server.secret, 32), Arrays.copyOf(secret, 32)));
        assertArrayEquals(Arrays.copyOfRange(server.secret, 32, 64), Arrays.copyOfRange(secret, 32, 64));
    }

    @Test
    void eachKeyExchangeHasItsOwnKeys() {
        assertFalse(Arrays.equals(X25519MlKem768KeyExchange.generate(random).publicKey(),
                X25519MlKem768KeyExchange.generate(random).publicKey()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
