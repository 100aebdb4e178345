package navemu.tls.core.keyschedule;

import org.bouncycastle.util.Arrays;

import navemu.tls.core.crypto.AeadAlgorithm;
import navemu.tls.core.crypto.Hkdf;
import navemu.tls.core.record.TrafficKeys;

/**
 * One direction's traffic secret (handshake, application, early, or a binder key): what record
 * keys, Finished values and the next generation (KeyUpdate) are made from.
 */
public final class TrafficSecret {
    private final Hkdf hkdf;
    private final byte[] secret;
    private final String label;

    TrafficSecret(Hkdf hkdf, byte[] secret, String label) {
        this.hkdf = hkdf;
        this.secret = secret;
        this.label = label;
    }

    public byte[] secret() {
        return secret.clone();
    }

    /** The label it was derived with: "c hs traffic", "s ap traffic"… */
    public String label() {
        return label;
    }

    /**
     * [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length) and
     * [sender]_write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length) (RFC 8446 §7.3).
     */
    public TrafficKeys trafficKeys(AeadAlgorithm aead) {
        return new TrafficKeys(hkdf.expandLabel(secret, "key", new byte[0], aead.keyLength()),
                hkdf.expandLabel(secret, "iv", new byte[0], aead.ivLength()));
    }

    /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length) (§4.4.4). */
    public byte[] finishedKey() {
        return hkdf.expandLabel(secret, "finished", new byte[0], hkdf.hash().length());
    }

    /** verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*)) (§4.4.4). */
    public byte[] verifyData(byte[] transcriptHash) {
        return hkdf.hash().hmac(finishedKey(), transcriptHash);
    }

    /** Compares a received verify_data in constant time (§4.4.4). */
    public boolean matches(byte[] transcriptHash, byte[] receivedVerifyData) {
        return Arrays.constantTimeAreEqual(verifyData(transcriptHash), receivedVerifyData);
    }

    /** application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length) (§7.2). */
    public TrafficSecret next() {
        return new TrafficSecret(hkdf, hkdf.expandLabel(secret, "traffic upd", new byte[0], hkdf.hash().length()), label);
    }
}
