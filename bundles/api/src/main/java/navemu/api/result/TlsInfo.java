package navemu.api.result;

import java.util.ArrayList;
import java.util.List;

/**
 * What the TLS handshake negotiated, and the messages it exchanged. A handshake that failed
 * part-way fills what it had learned (after ServerHello: version, suite, key exchange; after
 * EncryptedExtensions: ALPN); what was never reached stays null. The failure fields say where
 * it stopped and which alert went either way.
 */
public final class TlsInfo {
    /** {@code TLSv1.3} or {@code TLSv1.2}. */
    public String version;
    /** IANA name, e.g. {@code TLS_AES_128_GCM_SHA256}. */
    public String cipherSuite;
    /**
     * Key-exchange group, e.g. {@code x25519}; null for RSA key exchange, and null when the
     * handshake failed before the group was known (TLS 1.2 names it in ServerKeyExchange).
     */
    public String group;
    /** {@code ECDHE} or {@code RSA}, known from the ServerHello; null before it. */
    public String keyExchange;
    public boolean resumed;
    /** True when early data was sent and accepted. */
    public boolean earlyData;
    /** Null, or the ALPN protocol the server selected. */
    public String alpn;
    public String sni;
    /** The handshake message the client was waiting for or handling when it failed; null on success. */
    public String failedAt;
    /** The fatal alert the client sent when the server broke a rule, e.g. {@code certificate_expired}; null if none. */
    public String alertSent;
    /** Why the client sent {@link #alertSent} (the rule, with its RFC section). */
    public String alertReason;
    /** The fatal alert the server sent, e.g. {@code handshake_failure}; null if none. */
    public String alertReceived;
    /** Every handshake message, in order. */
    public List<TlsMessage> messages = new ArrayList<>();
}
