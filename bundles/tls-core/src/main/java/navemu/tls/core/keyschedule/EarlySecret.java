package navemu.tls.core.keyschedule;

import navemu.tls.core.crypto.HashAlgorithm;
import navemu.tls.core.crypto.Hkdf;

/**
 * The first rung of the TLS 1.3 key schedule (RFC 8446 §7.1):
 * {@code Early Secret = HKDF-Extract(0, PSK)}, with PSK = Hash.length zeros when no PSK is used.
 * Only this rung can make binder keys and early traffic secrets, and only it leads to a
 * {@link HandshakeSecret}.
 */
public final class EarlySecret {
    private final Hkdf hkdf;
    private final byte[] secret;

    private EarlySecret(Hkdf hkdf, byte[] secret) {
        this.hkdf = hkdf;
        this.secret = secret;
    }

    /** A full handshake: no PSK. */
    public static EarlySecret withoutPsk(HashAlgorithm hash) {
        return fromPsk(hash, new byte[hash.length()]);
    }

    /** Resumption or an external PSK (§7.1); for resumption the PSK comes from {@link ResumptionMasterSecret#psk}. */
    public static EarlySecret fromPsk(HashAlgorithm hash, byte[] psk) {
        Hkdf hkdf = new Hkdf(hash);
        return new EarlySecret(hkdf, hkdf.extract(null, psk));
    }

    public byte[] secret() {
        return secret.clone();
    }

    /**
     * binder_key = Derive-Secret(Early Secret, "res binder" | "ext binder", "") (§7.1). The PSK
     * binder (§4.2.11.2) is {@code TrafficSecret.verifyData} of this key over the truncated
     * ClientHello: see {@link #binderFinishedKey}.
     */
    public byte[] binderKey(boolean resumption) {
        return hkdf.deriveSecret(secret, resumption ? "res binder" : "ext binder", hkdf.hash().hash(new byte[0]));
    }

    /** The key a binder is computed with (§4.2.11.2: the Finished computation, with the binder key as base key). */
    public TrafficSecret binderFinishedKey(boolean resumption) {
        return new TrafficSecret(hkdf, binderKey(resumption), resumption ? "res binder" : "ext binder");
    }

    /** client_early_traffic_secret = Derive-Secret(Early Secret, "c e traffic", ClientHello) (§7.1). */
    public TrafficSecret clientEarlyTrafficSecret(byte[] clientHelloHash) {
        return new TrafficSecret(hkdf, hkdf.deriveSecret(secret, "c e traffic", clientHelloHash), "c e traffic");
    }

    /** early_exporter_master_secret = Derive-Secret(Early Secret, "e exp master", ClientHello) (§7.1). */
    public byte[] earlyExporterMasterSecret(byte[] clientHelloHash) {
        return hkdf.deriveSecret(secret, "e exp master", clientHelloHash);
    }

    /**
     * Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived", ""), (EC)DHE) (§7.1).
     */
    public HandshakeSecret handshakeSecret(byte[] sharedSecret) {
        byte[] derived = hkdf.deriveSecret(secret, "derived", hkdf.hash().hash(new byte[0]));
        return new HandshakeSecret(hkdf, hkdf.extract(derived, sharedSecret));
    }
}
