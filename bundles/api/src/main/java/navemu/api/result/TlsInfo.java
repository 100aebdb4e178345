package navemu.api.result;

import java.util.ArrayList;
import java.util.List;

/**
 * What the TLS handshake negotiated, and the messages it exchanged: an immutable value, built by a
 * {@link Builder} that the TLS client fills as the handshake goes. A handshake that failed
 * part-way reports what it had learned (after ServerHello: version, suite, key exchange; after
 * EncryptedExtensions: ALPN); what was never reached is null. The failure fields say where it
 * stopped and which alert went either way.
 *
 * @param version       {@code TLSv1.3} or {@code TLSv1.2}
 * @param cipherSuite   IANA name, e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param group         key-exchange group, e.g. {@code x25519}; null for RSA key exchange, and null
 *                      when the handshake failed before the group was known (TLS 1.2 names it in
 *                      ServerKeyExchange)
 * @param keyExchange   {@code ECDHE}, {@code ML-KEM + ECDHE} (the hybrid X25519MLKEM768 group) or {@code RSA}, known from the ServerHello; null before it
 * @param resumed       whether a stored session was resumed
 * @param earlyData     true when early data was sent and accepted
 * @param alpn          null, or the ALPN protocol the server selected
 * @param sni           the server_name sent, or null
 * @param failedAt      the handshake message the client was waiting for or handling when it failed; null on success
 * @param alertSent     the fatal alert the client sent when the server broke a rule, e.g. {@code certificate_expired}; null if none
 * @param alertReason   why the client sent {@code alertSent} (the rule, with its RFC section)
 * @param alertReceived the fatal alert the server sent, e.g. {@code handshake_failure}; null if none
 * @param messages      every handshake message, in order
 */
public record TlsInfo(String version, String cipherSuite, String group, String keyExchange, boolean resumed,
                      boolean earlyData, String alpn, String sni, String failedAt, String alertSent, String alertReason,
                      String alertReceived, List<TlsMessage> messages) {

    /** Nothing known: a handshake that failed before it began. */
    public static final TlsInfo NONE = builder().build();

    public TlsInfo {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().version(version).cipherSuite(cipherSuite).group(group).keyExchange(keyExchange)
                .resumed(resumed).earlyData(earlyData).alpn(alpn).sni(sni).failedAt(failedAt).alertSent(alertSent)
                .alertReason(alertReason).alertReceived(alertReceived);
        messages.forEach(b::message);
        return b;
    }

    /**
     * What a TLS client learns as its handshake goes. Its methods may be called from the thread
     * doing the handshake and read from another (a channel's {@code info()}), so each is
     * synchronized; {@link #build()} is a consistent snapshot.
     */
    public static final class Builder {
        private String version;
        private String cipherSuite;
        private String group;
        private String keyExchange;
        private boolean resumed;
        private boolean earlyData;
        private String alpn;
        private String sni;
        private String failedAt;
        private String alertSent;
        private String alertReason;
        private String alertReceived;
        private final List<TlsMessage> messages = new ArrayList<>();

        private Builder() {
        }

        public synchronized Builder version(String value) {
            version = value;
            return this;
        }

        public synchronized Builder cipherSuite(String value) {
            cipherSuite = value;
            return this;
        }

        public synchronized Builder group(String value) {
            group = value;
            return this;
        }

        public synchronized Builder keyExchange(String value) {
            keyExchange = value;
            return this;
        }

        public synchronized Builder resumed(boolean value) {
            resumed = value;
            return this;
        }

        public synchronized Builder earlyData(boolean value) {
            earlyData = value;
            return this;
        }

        public synchronized Builder alpn(String value) {
            alpn = value;
            return this;
        }

        public synchronized Builder sni(String value) {
            sni = value;
            return this;
        }

        public synchronized Builder failedAt(String value) {
            failedAt = value;
            return this;
        }

        public synchronized Builder alertSent(String value) {
            alertSent = value;
            return this;
        }

        public synchronized Builder alertReason(String value) {
            alertReason = value;
            return this;
        }

        public synchronized Builder alertReceived(String value) {
            alertReceived = value;
            return this;
        }

        /** The handshake messages, replacing those so far. */
        public synchronized Builder messages(List<TlsMessage> values) {
            messages.clear();
            messages.addAll(values);
            return this;
        }

        /** One more handshake message, after the ones so far. */
        public synchronized Builder message(TlsMessage value) {
            messages.add(value);
            return this;
        }

        public synchronized String failedAt() {
            return failedAt;
        }

        /** The type of the last message the server sent, or null when it sent none. */
        public synchronized String lastReceived() {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (TlsMessage.SERVER_TO_CLIENT.equals(messages.get(i).dir())) {
                    return messages.get(i).type();
                }
            }
            return null;
        }

        public synchronized TlsInfo build() {
            return new TlsInfo(version, cipherSuite, group, keyExchange, resumed, earlyData, alpn, sni, failedAt, alertSent,
                    alertReason, alertReceived, messages);
        }
    }
}
