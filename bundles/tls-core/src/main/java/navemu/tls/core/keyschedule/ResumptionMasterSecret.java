package navemu.tls.core.keyschedule;

import navemu.tls.core.crypto.Hkdf;

/** resumption_master_secret (RFC 8446 §7.1): each NewSessionTicket's PSK is derived from it (§4.6.1). */
public final class ResumptionMasterSecret {
    private final Hkdf hkdf;
    private final byte[] secret;

    ResumptionMasterSecret(Hkdf hkdf, byte[] secret) {
        this.hkdf = hkdf;
        this.secret = secret;
    }

    public byte[] secret() {
        return secret.clone();
    }

    /** PSK = HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length) (§4.6.1). */
    public byte[] psk(byte[] ticketNonce) {
        return hkdf.expandLabel(secret, "resumption", ticketNonce, hkdf.hash().length());
    }
}
