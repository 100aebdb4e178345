package navemu.tls.core.handshake;

import java.util.ArrayList;
import java.util.List;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * ClientHello (RFC 8446 §4.1.2):
 * <pre>
 * uint16 ProtocolVersion legacy_version = 0x0303;
 * Random random;                                   (32 bytes)
 * opaque legacy_session_id&lt;0..32&gt;;
 * CipherSuite cipher_suites&lt;2..2^16-2&gt;;
 * opaque legacy_compression_methods&lt;1..2^8-1&gt;;
 * Extension extensions&lt;8..2^16-1&gt;;
 * </pre>
 */
public record ClientHello(int legacyVersion, byte[] random, byte[] legacySessionId, List<Integer> cipherSuites,
                          byte[] legacyCompressionMethods, List<Extension> extensions) {

    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
        extensions = List.copyOf(extensions);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.u16(legacyVersion).bytes(random).opaque8(legacySessionId);
        w.vector16(list -> cipherSuites.forEach(list::u16));
        w.opaque8(legacyCompressionMethods);
        Extension.encodeList(w, extensions);
        return w.toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.CLIENT_HELLO, encode());
    }

    public static ClientHello decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "ClientHello");
        int version = r.u16();
        byte[] random = r.bytes(32);
        byte[] sessionId = r.opaque8();
        WireReader suites = r.vector16("cipher_suites");
        List<Integer> cipherSuites = new ArrayList<>();
        while (suites.hasRemaining()) {
            cipherSuites.add(suites.u16());
        }
        byte[] compression = r.opaque8();
        List<Extension> extensions = r.hasRemaining() ? Extension.decodeList(r) : List.of();
        r.expectEnd();
        return new ClientHello(version, random, sessionId, cipherSuites, compression, extensions);
    }

    public Extension extension(int type) {
        return Extension.find(extensions, type);
    }

    /** The same hello with one extension replaced (or appended), e.g. key_share after a HelloRetryRequest. */
    public ClientHello withExtension(Extension replacement) {
        List<Extension> list = new ArrayList<>();
        boolean replaced = false;
        for (Extension e : extensions) {
            if (e.type() == replacement.type()) {
                list.add(replacement);
                replaced = true;
            } else {
                list.add(e);
            }
        }
        if (!replaced) {
            // pre_shared_key must stay last (RFC 8446 §4.2.11).
            int at = list.size();
            if (at > 0 && list.get(at - 1).type() == ExtensionType.PRE_SHARED_KEY) {
                at--;
            }
            list.add(at, replacement);
        }
        return new ClientHello(legacyVersion, random, legacySessionId, cipherSuites, legacyCompressionMethods, list);
    }

    /** The same hello without the extension of {@code type}, e.g. early_data in a second ClientHello (§4.1.2). */
    public ClientHello withoutExtension(int type) {
        List<Extension> list = new ArrayList<>(extensions);
        list.removeIf(e -> e.type() == type);
        return new ClientHello(legacyVersion, random, legacySessionId, cipherSuites, legacyCompressionMethods, list);
    }
}
