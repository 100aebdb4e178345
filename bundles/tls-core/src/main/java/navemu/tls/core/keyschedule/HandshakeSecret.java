package navemu.tls.core.keyschedule;

import navemu.tls.core.crypto.Hkdf;

/**
 * The second rung (RFC 8446 §7.1): protects the handshake after the ServerHello and leads to
 * the {@link MasterSecret}. Made only by {@link EarlySecret#handshakeSecret}.
 */
public final class HandshakeSecret {
    private final Hkdf hkdf;
    private final byte[] secret;

    HandshakeSecret(Hkdf hkdf, byte[] secret) {
        this.hkdf = hkdf;
        this.secret = secret;
    }

    public byte[] secret() {
        return secret.clone();
    }

    /** client_handshake_traffic_secret = Derive-Secret(., "c hs traffic", ClientHello...ServerHello). */
    public TrafficSecret clientHandshakeTrafficSecret(byte[] helloHash) {
        return new TrafficSecret(hkdf, hkdf.deriveSecret(secret, "c hs traffic", helloHash), "c hs traffic");
    }

    /** server_handshake_traffic_secret = Derive-Secret(., "s hs traffic", ClientHello...ServerHello). */
    public TrafficSecret serverHandshakeTrafficSecret(byte[] helloHash) {
        return new TrafficSecret(hkdf, hkdf.deriveSecret(secret, "s hs traffic", helloHash), "s hs traffic");
    }

    /** Master Secret = HKDF-Extract(Derive-Secret(., "derived", ""), 0). */
    public MasterSecret masterSecret() {
        byte[] derived = hkdf.deriveSecret(secret, "derived", hkdf.hash().emptyHash());
        return new MasterSecret(hkdf, hkdf.extract(derived, new byte[hkdf.hash().length()]));
    }
}
