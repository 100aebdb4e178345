package navemu.tls.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import navemu.api.result.TlsMessage;
import navemu.api.trace.StepTrace;

/**
 * Watches the TLS records that pass between the SSLEngine and the wire, in both directions, and
 * reports the handshake messages that travel in plaintext. The TLS library decrypts the rest inside
 * its engine and never shows it, so this is everything an outside observer (like Wireshark without keys) sees:
 * in TLS 1.3 the ClientHello, the ServerHello (or HelloRetryRequest) and the compatibility
 * ChangeCipherSpec (RFC 8446 §D.4); in TLS 1.2 every handshake message up to ChangeCipherSpec,
 * then the encrypted Finished (RFC 5246 §7.4.9).
 */
final class HandshakeObserver {

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    private static final int APPLICATION_DATA = 23;

    private final StepTrace trace;
    /** Who decrypts what this observer cannot see, for the trace: e.g. "JSSE decrypts them inside the SSLEngine". */
    private final String decryptedBy;
    private final List<TlsMessage> messages = new ArrayList<>();
    private final Direction client = new Direction(TlsMessage.CLIENT_TO_SERVER);
    private final Direction server = new Direction(TlsMessage.SERVER_TO_CLIENT);
    private String version;
    private String cipherSuite;
    private String group;
    private String lastSent = "nothing";
    private boolean serverAcceptedPsk;
    private boolean stopped;

    HandshakeObserver(StepTrace trace, String decryptedBy) {
        this.trace = trace;
        this.decryptedBy = decryptedBy;
    }

    void outbound(byte[] bytes, int offset, int length) {
        if (!stopped) {
            client.feed(bytes, offset, length);
        }
    }

    void inbound(byte[] bytes, int offset, int length) {
        if (!stopped) {
            server.feed(bytes, offset, length);
        }
    }

    /** The handshake is over: what follows is application data (and post-handshake messages). */
    void stop() {
        stopped = true;
    }

    List<TlsMessage> messages() {
        return List.copyOf(messages);
    }

    /** The key-exchange group from ServerHello.key_share (1.3) or ServerKeyExchange (1.2), or null. */
    String group() {
        return group;
    }

    /** The version the ServerHello chose, or null before it arrived. */
    String version() {
        return version;
    }

    /** The cipher suite the ServerHello chose, or null before it arrived. */
    String cipherSuite() {
        return cipherSuite;
    }

    /** Whether the server's ServerHello accepted a pre-shared key: a resumed TLS 1.3 handshake. */
    boolean serverAcceptedPsk() {
        return serverAcceptedPsk;
    }

    /** The last plaintext message the client sent, to name a flight. */
    String lastSent() {
        return lastSent;
    }

    /** Says in the trace what went by encrypted, which this observer cannot name. */
    void reportEncrypted() {
        if ("TLSv1.3".equals(version)) {
            trace.info("the rest of the TLS 1.3 handshake is encrypted (RFC 8446 §2): the server's "
                    + "EncryptedExtensions, Certificate, CertificateVerify and Finished went by as "
                    + server.encryptedBytes + " bytes in " + server.encryptedRecords + " record(s), the client's "
                    + "Finished as " + client.encryptedBytes + " bytes in " + client.encryptedRecords
                    + " record(s); " + decryptedBy + " and does not show them");
        }
    }

    /** One direction's record stream, reassembled into records and then into handshake messages. */
    private final class Direction {
        final String dir;
        final ByteArrayOutputStream records = new ByteArrayOutputStream();
        final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        boolean changeCipherSpecSeen;
        long encryptedBytes;
        int encryptedRecords;

        Direction(String dir) {
            this.dir = dir;
        }

        void feed(byte[] bytes, int offset, int length) {
            records.write(bytes, offset, length);
            byte[] buffered = records.toByteArray();
            int at = 0;
            // RFC 8446 §5.1: type(1) legacy_record_version(2) length(2) fragment.
            while (buffered.length - at >= 5) {
                int type = buffered[at] & 0xff;
                int fragmentLength = ((buffered[at + 3] & 0xff) << 8) | (buffered[at + 4] & 0xff);
                if (buffered.length - at < 5 + fragmentLength) {
                    break;
                }
                record(type, buffered, at + 5, fragmentLength);
                at += 5 + fragmentLength;
            }
            records.reset();
            records.write(buffered, at, buffered.length - at);
        }

        private boolean tls12Encrypted() {
            return changeCipherSpecSeen && !"TLSv1.3".equals(version);
        }

        private void record(int type, byte[] bytes, int offset, int length) {
            switch (type) {
                case CHANGE_CIPHER_SPEC:
                    changeCipherSpecSeen = true;
                    Map<String, String> f = new LinkedHashMap<>();
                    if ("TLSv1.3".equals(version)) {
                        f.put("note", "middlebox compatibility only (RFC 8446 §D.4)");
                    }
                    message("ChangeCipherSpec", 1, f);
                    break;
                case ALERT:
                    if (!tls12Encrypted() && length >= 2) {
                        Map<String, String> alert = new LinkedHashMap<>();
                        alert.put("level", bytes[offset] == 2 ? "fatal" : "warning");
                        alert.put("description", TlsNames.alert(bytes[offset + 1] & 0xff));
                        // Listed with the messages, so a failed handshake shows the alert that ended it.
                        message("Alert", length, alert);
                    }
                    break;
                case HANDSHAKE:
                    if (tls12Encrypted()) {
                        // RFC 5246 §7.4.9: the first message protected by the new keys is Finished.
                        Map<String, String> fin = new LinkedHashMap<>();
                        fin.put("encrypted", "record of " + length + " bytes");
                        message("Finished", length, fin);
                    } else {
                        handshake.write(bytes, offset, length);
                        handshakeMessages();
                    }
                    break;
                case APPLICATION_DATA:
                    encryptedBytes += length;
                    encryptedRecords++;
                    break;
                default:
                    trace.info(dir + " record of unknown content type " + type + " (" + length + " bytes)");
                    break;
            }
        }

        private void handshakeMessages() {
            byte[] buffered = handshake.toByteArray();
            int at = 0;
            // RFC 8446 §4: msg_type(1) length(3) body; a message may span records.
            while (buffered.length - at >= 4) {
                int type = buffered[at] & 0xff;
                int length = ((buffered[at + 1] & 0xff) << 16) | ((buffered[at + 2] & 0xff) << 8) | (buffered[at + 3] & 0xff);
                if (buffered.length - at < 4 + length) {
                    break;
                }
                handshakeMessage(type, ByteBuffer.wrap(buffered, at + 4, length).slice(), 4 + length);
                at += 4 + length;
            }
            handshake.reset();
            handshake.write(buffered, at, buffered.length - at);
        }

        private void handshakeMessage(int type, ByteBuffer body, int length) {
            String name = TlsNames.handshakeType(type);
            Map<String, String> fields = new LinkedHashMap<>();
            switch (name) {
                case "ClientHello":
                    fields = HelloFields.clientHello(body);
                    break;
                case "ServerHello":
                    fields = HelloFields.serverHello(body);
                    if (fields.containsKey("helloRetryRequest")) {
                        name = "HelloRetryRequest";
                        fields.remove("helloRetryRequest");
                        // RFC 8446 §4.1.4: only TLS 1.3 has a HelloRetryRequest. Knowing it here keeps the
                        // compatibility ChangeCipherSpec that may follow (§D.4) from being read as TLS 1.2's,
                        // which would hide the real ServerHello behind it.
                        version = "TLSv1.3";
                    } else {
                        version = fields.getOrDefault("supported_versions", fields.get("legacy_version"));
                        cipherSuite = fields.get("cipher_suite");
                        if (fields.containsKey("key_share")) {
                            group = fields.get("key_share");
                        }
                        // RFC 8446 §4.2.11: a ServerHello carries pre_shared_key only when it accepts a PSK.
                        serverAcceptedPsk = List.of(fields.getOrDefault("extensions", "").split(",")).contains("pre_shared_key");
                    }
                    break;
                case "ServerKeyExchange":
                    fields = HelloFields.serverKeyExchange(body);
                    if (fields.containsKey("named_group")) {
                        group = fields.get("named_group");
                    }
                    break;
                case "Certificate":
                    fields = HelloFields.certificate12(body);
                    break;
                default:
                    break;
            }
            message(name, length, fields);
        }

        private void message(String name, int length, Map<String, String> fields) {
            messages.add(new TlsMessage(dir, name, length));
            report(name, length, fields);
        }

        private void report(String name, int length, Map<String, String> fields) {
            if (dir.equals(TlsMessage.CLIENT_TO_SERVER)) {
                lastSent = name;
                trace.sent(name, length, fields);
            } else {
                trace.received(name, length, fields);
            }
        }
    }
}
