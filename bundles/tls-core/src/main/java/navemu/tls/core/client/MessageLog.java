package navemu.tls.core.client;

import java.util.Map;

import org.bouncycastle.util.encoders.Hex;

import navemu.api.result.TlsInfo;
import navemu.api.result.TlsMessage;
import navemu.api.trace.StepTrace;
import navemu.api.tls.KeyLog;

/**
 * Everything the handshake tells the outside world: messages to the trace and to
 * {@link TlsInfo#messages}, secrets to the trace and the NSS key log.
 */
final class MessageLog {
    private final StepTrace trace;
    private final TlsInfo info;
    private final KeyLog keyLog;

    MessageLog(StepTrace trace, TlsInfo info, KeyLog keyLog) {
        this.trace = trace == null ? StepTrace.NONE : trace;
        this.info = info;
        this.keyLog = keyLog == null ? KeyLog.NONE : keyLog;
    }

    StepTrace trace() {
        return trace;
    }

    TlsInfo info() {
        return info;
    }

    /**
     * What the ServerHello settled, recorded at once so a handshake that fails later still
     * reports it. {@code group} may be null (RSA key exchange, or TLS 1.2 before ServerKeyExchange).
     */
    void negotiated(String version, String cipherSuite, String keyExchange, String group) {
        synchronized (info) {
            info.version = version;
            info.cipherSuite = cipherSuite;
            info.keyExchange = keyExchange;
            info.group = group;
        }
    }

    /** The TLS 1.2 ECDHE group, known from ServerKeyExchange. */
    void group(String group) {
        synchronized (info) {
            info.group = group;
        }
    }

    /** The ALPN protocol the server selected (EncryptedExtensions in TLS 1.3, ServerHello in TLS 1.2). */
    void alpn(String alpn) {
        synchronized (info) {
            info.alpn = alpn;
        }
    }

    /** Where the handshake stopped and which alert went which way (either may be null). */
    void failed(String failedAt, String alertSent, String alertReason, String alertReceived) {
        synchronized (info) {
            info.failedAt = failedAt;
            info.alertSent = alertSent;
            info.alertReason = alertReason;
            info.alertReceived = alertReceived;
        }
    }

    void sent(String type, int length, Map<String, String> fields) {
        synchronized (info) {
            info.messages.add(new TlsMessage(TlsMessage.CLIENT_TO_SERVER, type, length));
        }
        trace.sent(type, length, fields);
    }

    void received(String type, int length, Map<String, String> fields) {
        synchronized (info) {
            info.messages.add(new TlsMessage(TlsMessage.SERVER_TO_CLIENT, type, length));
        }
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
