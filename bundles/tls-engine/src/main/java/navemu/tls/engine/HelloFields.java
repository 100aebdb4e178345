package navemu.tls.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields a learner looks for out of plaintext hello messages. Decoding follows
 * RFC 8446 §4.1.2 (ClientHello), §4.1.3 (ServerHello) and the extensions of §4.2; RFC 5246 §7.4.3
 * for the TLS 1.2 ServerKeyExchange. A message too short for its own lengths yields what was read
 * so far plus a {@code parseError} field; it never throws.
 */
final class HelloFields {

    /** SHA-256("HelloRetryRequest"): the ServerHello.random that marks a HelloRetryRequest (RFC 8446 §4.1.3). */
    static final byte[] HELLO_RETRY_REQUEST_RANDOM = hex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_SUPPORTED_GROUPS = 10;
    private static final int EXT_ALPN = 16;
    private static final int EXT_SUPPORTED_VERSIONS = 43;
    private static final int EXT_KEY_SHARE = 51;

    private HelloFields() {
    }

    /** {@code body} is the message without its 4-byte handshake header. */
    static Map<String, String> clientHello(ByteBuffer body) {
        Map<String, String> f = new LinkedHashMap<>();
        try {
            f.put("legacy_version", TlsNames.version(body.getShort() & 0xffff));
            skip(body, 32); // random
            int sessionId = body.get() & 0xff;
            f.put("session_id", sessionId + " bytes");
            skip(body, sessionId);
            int suites = body.getShort() & 0xffff;
            f.put("cipher_suites", Integer.toString(suites / 2));
            skip(body, suites);
            skip(body, body.get() & 0xff); // compression methods
            if (body.remaining() >= 2) {
                readExtensions(body, f, true);
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            f.put("parseError", "ClientHello shorter than its own length fields");
        }
        return f;
    }

    /** Also tells whether it is really a HelloRetryRequest. */
    static Map<String, String> serverHello(ByteBuffer body) {
        Map<String, String> f = new LinkedHashMap<>();
        try {
            f.put("legacy_version", TlsNames.version(body.getShort() & 0xffff));
            byte[] random = new byte[32];
            body.get(random);
            if (java.util.Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM)) {
                f.put("helloRetryRequest", "true");
            }
            skip(body, body.get() & 0xff); // legacy_session_id_echo
            f.put("cipher_suite", TlsNames.cipherSuite(body.getShort() & 0xffff));
            body.get(); // legacy_compression_method
            if (body.remaining() >= 2) {
                readExtensions(body, f, false);
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            f.put("parseError", "ServerHello shorter than its own length fields");
        }
        return f;
    }

    /** RFC 8422 §5.4: an ECDHE ServerKeyExchange starts with curve_type named_curve(3) and the group. */
    static Map<String, String> serverKeyExchange(ByteBuffer body) {
        Map<String, String> f = new LinkedHashMap<>();
        if (body.remaining() >= 3 && body.get(body.position()) == 3) {
            f.put("named_group", TlsNames.group(body.getShort(body.position() + 1) & 0xffff));
        }
        return f;
    }

    /** RFC 5246 §7.4.2: certificate_list, each certificate with a 3-byte length. */
    static Map<String, String> certificate12(ByteBuffer body) {
        Map<String, String> f = new LinkedHashMap<>();
        try {
            int total = uint24(body);
            int end = body.position() + total;
            int count = 0;
            while (body.position() < end) {
                skip(body, uint24(body));
                count++;
            }
            f.put("certificates", Integer.toString(count));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            f.put("parseError", "Certificate shorter than its own length fields");
        }
        return f;
    }

    private static void readExtensions(ByteBuffer body, Map<String, String> f, boolean client) {
        int end = body.position() + (body.getShort() & 0xffff);
        List<String> names = new ArrayList<>();
        while (body.position() + 4 <= end) {
            int type = body.getShort() & 0xffff;
            int length = body.getShort() & 0xffff;
            ByteBuffer data = slice(body, length);
            names.add(TlsNames.extension(type));
            switch (type) {
                case EXT_SERVER_NAME:
                    if (client) {
                        f.put("server_name", serverName(data));
                    }
                    break;
                case EXT_SUPPORTED_GROUPS:
                    f.put("supported_groups", groupList(data, data.getShort() & 0xffff));
                    break;
                case EXT_ALPN:
                    f.put("alpn", alpn(data));
                    break;
                case EXT_SUPPORTED_VERSIONS:
                    f.put("supported_versions", client ? versionList(data) : TlsNames.version(data.getShort() & 0xffff));
                    break;
                case EXT_KEY_SHARE:
                    f.put("key_share", client ? keyShareGroups(data) : TlsNames.group(data.getShort() & 0xffff));
                    break;
                default:
                    break;
            }
        }
        f.put("extensions", String.join(",", names));
    }

    private static String serverName(ByteBuffer data) {
        data.getShort(); // server_name_list length
        data.get(); // name_type host_name(0)
        byte[] name = new byte[data.getShort() & 0xffff];
        data.get(name);
        return new String(name, StandardCharsets.US_ASCII);
    }

    private static String groupList(ByteBuffer data, int length) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < length / 2; i++) {
            groups.add(TlsNames.group(data.getShort() & 0xffff));
        }
        return String.join(",", groups);
    }

    private static String alpn(ByteBuffer data) {
        int end = data.position() + (data.getShort() & 0xffff);
        List<String> ids = new ArrayList<>();
        while (data.position() < end) {
            byte[] id = new byte[data.get() & 0xff];
            data.get(id);
            ids.add(new String(id, StandardCharsets.US_ASCII));
        }
        return String.join(",", ids);
    }

    private static String versionList(ByteBuffer data) {
        int length = data.get() & 0xff;
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < length / 2; i++) {
            versions.add(TlsNames.version(data.getShort() & 0xffff));
        }
        return String.join(",", versions);
    }

    private static String keyShareGroups(ByteBuffer data) {
        int end = data.position() + (data.getShort() & 0xffff);
        List<String> groups = new ArrayList<>();
        while (data.position() + 4 <= end) {
            groups.add(TlsNames.group(data.getShort() & 0xffff));
            skip(data, data.getShort() & 0xffff);
        }
        return String.join(",", groups);
    }

    private static ByteBuffer slice(ByteBuffer body, int length) {
        if (length > body.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer data = body.slice();
        data.limit(length);
        body.position(body.position() + length);
        return data;
    }

    private static void skip(ByteBuffer body, int n) {
        if (n > body.remaining()) {
            throw new BufferUnderflowException();
        }
        body.position(body.position() + n);
    }

    private static int uint24(ByteBuffer body) {
        return ((body.get() & 0xff) << 16) | ((body.get() & 0xff) << 8) | (body.get() & 0xff);
    }

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
