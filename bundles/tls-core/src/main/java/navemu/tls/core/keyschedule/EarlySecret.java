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
    /**
     * The Early Secret of a full handshake, one per hash, made at first use. Without a PSK it is
     * HKDF-Extract(0, 0): a constant of the hash function, as is the "derived" secret after it,
     * so a full handshake need not compute them (two HMACs and a hash) each time.
     */
    private static final EarlySecret[] WITHOUT_PSK = new EarlySecret[HashAlgorithm.values().length];

    private final Hkdf hkdf;
    private final byte[] secret;
    /**
     * Derive-Secret(., "derived", ""), made at first use. The no-PSK instances are shared between
     * threads: one that does not see another's value yet makes the same bytes again.
     */
    private volatile byte[] derived;

    private EarlySecret(Hkdf hkdf, byte[] secret) {
        this.hkdf = hkdf;
        this.secret = secret;
    }

    /** A full handshake: no PSK (the same constant each time; see {@link #WITHOUT_PSK}). */
    public static EarlySecret withoutPsk(HashAlgorithm hash) {
        EarlySecret known = WITHOUT_PSK[hash.ordinal()];
        if (known == null) {
            known = fromPsk(hash, new byte[hash.length()]);
            known.derived(); // made before it is shared
            WITHOUT_PSK[hash.ordinal()] = known; // its fields are final: any thread that sees it sees them; a race makes the same bytes twice
        }
        return known;
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
        return hkdf.deriveSecret(secret, resumption ? "res binder" : "ext binder", hkdf.hash().emptyHash());
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
        return new HandshakeSecret(hkdf, hkdf.extract(derived(), sharedSecret));
    }

    private byte[] derived() {
        byte[] known = derived;
        if (known == null) {
            known = hkdf.deriveSecret(secret, "derived", hkdf.hash().emptyHash());
            derived = known;
        }
        return known;
    }
}
