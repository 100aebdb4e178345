package navemu.tls.core.client;

import java.util.Map;

import org.bouncycastle.util.encoders.Hex;

import navemu.api.result.TlsInfo;
import navemu.api.result.TlsMessage;
import navemu.api.trace.StepTrace;
import navemu.api.tls.KeyLog;

/**
 * Everything the handshake tells the outside world: messages to the trace and to the result's
 * {@link TlsInfo} (filled through its builder as the handshake goes, read as an immutable
 * snapshot), secrets to the trace and the NSS key log.
 */
final class MessageLog {
    private final StepTrace trace;
    private final TlsInfo.Builder info = TlsInfo.builder();
    private final KeyLog keyLog;
    /** Whether anyone reads the trace: with {@link StepTrace#NONE} (benchmarks, prewarm) its fields are not formatted at all. */
    private final boolean listening;

    MessageLog(StepTrace trace, KeyLog keyLog) {
        this.trace = trace == null ? StepTrace.NONE : trace;
        this.keyLog = keyLog == null ? KeyLog.NONE : keyLog;
        this.listening = this.trace != StepTrace.NONE;
    }

    /**
     * Whether the trace is read. When it is not, the narration skips formatting what only the
     * trace shows (message fields, secrets as hex); the result's message list and the key log are
     * kept either way.
     */
    boolean listening() {
        return listening;
    }

    StepTrace trace() {
        return trace;
    }

    /** What the handshake has learned so far, as an immutable value. */
    TlsInfo info() {
        return info.build();
    }

    /** The server_name sent (null: none). */
    void sni(String sni) {
        info.sni(sni);
    }

    /** What a finished handshake settled (the channel's start). */
    void established(String version, String cipherSuite, String group, String alpn, boolean resumed, boolean earlyData) {
        info.version(version).cipherSuite(cipherSuite).group(group).alpn(alpn).resumed(resumed).earlyData(earlyData);
    }

    /** Where a failed handshake stopped, unless already said. */
    String failedAt() {
        return info.failedAt();
    }

    /** The type of the last handshake message the server sent, or null. */
    String lastReceived() {
        return info.lastReceived();
    }

    /**
     * What the ServerHello settled, recorded at once so a handshake that fails later still
     * reports it. {@code group} may be null (RSA key exchange, or TLS 1.2 before ServerKeyExchange).
     */
    void negotiated(String version, String cipherSuite, String keyExchange, String group) {
        info.version(version).cipherSuite(cipherSuite).keyExchange(keyExchange).group(group);
    }

    /** The TLS 1.2 ECDHE group, known from ServerKeyExchange. */
    void group(String group) {
        info.group(group);
    }

    /** The ALPN protocol the server selected (EncryptedExtensions in TLS 1.3, ServerHello in TLS 1.2). */
    void alpn(String alpn) {
        info.alpn(alpn);
    }

    /** Where the handshake stopped and which alert went which way (either may be null). */
    void failed(String failedAt, String alertSent, String alertReason, String alertReceived) {
        info.failedAt(failedAt).alertSent(alertSent).alertReason(alertReason).alertReceived(alertReceived);
    }

    void sent(String type, int length, Map<String, String> fields) {
        info.message(new TlsMessage(TlsMessage.CLIENT_TO_SERVER, type, length));
        trace.sent(type, length, fields);
    }

    void received(String type, int length, Map<String, String> fields) {
        info.message(new TlsMessage(TlsMessage.SERVER_TO_CLIENT, type, length));
        trace.received(type, length, fields);
    }

    /** A record-level event (alert, dummy change_cipher_spec): traced but not a handshake message of the result. */
    void sentRecord(String type, int length, Map<String, String> fields) {
        trace.sent(type, length, fields);
    }

    void receivedRecord(String type, int length, Map<String, String> fields) {
        trace.received(type, length, fields);
    }

    void secret(String label, byte[] value) {
        if (!listening) {
            return;
        }
        trace.secret(label, Hex.toHexString(value));
    }

    /** An NSS key-log line (and the same secret in the trace). */
    void keyLog(String nssLabel, byte[] clientRandom, byte[] secret) {
        keyLog.write(nssLabel, clientRandom, secret);
    }

    void info(String text) {
        trace.info(text);
    }
}
