package navemu.tls.core.client;

import java.util.Set;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.GreaseValues;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.wire.WireReader;

/**
 * Which extensions a TLS 1.2 ServerHello may carry, and their bodies (RFC 5246 §7.4.1.4): only
 * ones the client offered, and of those only ones a TLS 1.2 server answers. A browser's
 * ClientHello also offers TLS 1.3's extensions (key_share, pre_shared_key, early_data...); a
 * server that answers TLS 1.2 with one of them is answering something TLS 1.2 does not define,
 * which BoringSSL (Chromium) refuses with unsupported_extension
 * ({@code ssl/extensions.cc}, {@code forbid_parse_serverhello}).
 *
 * <p>The meaning of the allowed ones (renegotiation_info, ALPN, the session ticket) is read by
 * {@link Tls12ClientHandshake}; this class only says whether they may be there and are well formed.
 */
final class Tls12ServerHelloExtensions {
    /** Offered by a browser, but never answered in a TLS 1.2 ServerHello. */
    private static final Set<Integer> NOT_IN_A_TLS12_SERVER_HELLO = Set.of(
            ExtensionType.SIGNATURE_ALGORITHMS,      // RFC 5246 §7.4.1.4.1: "Servers MUST NOT send this extension"
            ExtensionType.PADDING,                   // RFC 7685 §3: client only
            ExtensionType.KEY_SHARE, ExtensionType.PRE_SHARED_KEY, ExtensionType.EARLY_DATA,
            ExtensionType.SUPPORTED_VERSIONS, ExtensionType.COOKIE, ExtensionType.PSK_KEY_EXCHANGE_MODES,
            ExtensionType.CERTIFICATE_AUTHORITIES, ExtensionType.OID_FILTERS, ExtensionType.POST_HANDSHAKE_AUTH,
            ExtensionType.SIGNATURE_ALGORITHMS_CERT, // RFC 8446 §4.2: TLS 1.3 only
            ExtensionType.COMPRESS_CERTIFICATE,      // RFC 8879 §3: TLS 1.3 only, and never in a ServerHello
            ExtensionType.ENCRYPTED_CLIENT_HELLO,    // draft-ietf-tls-esni: TLS 1.3 only
            ExtensionType.APPLICATION_SETTINGS);     // draft-vvv-tls-alps: TLS 1.3 EncryptedExtensions only

    /** Answered by the server with an empty body (the acknowledgement is the extension's presence). */
    private static final Set<Integer> EMPTY_IN_A_SERVER_HELLO = Set.of(
            ExtensionType.SERVER_NAME,               // RFC 6066 §3
            ExtensionType.STATUS_REQUEST,            // RFC 6066 §8
            ExtensionType.ENCRYPT_THEN_MAC,          // RFC 7366 §2
            ExtensionType.EXTENDED_MASTER_SECRET,    // RFC 7627 §5.1
            ExtensionType.SESSION_TICKET);           // RFC 5077 §3.2

    private static final int UNCOMPRESSED = 0;

    private Tls12ServerHelloExtensions() {
    }

    static void check(ServerHello sh, ClientHello hello) throws TlsAlertException {
        for (Extension e : sh.extensions()) {
            // A GREASE value (RFC 8701 §3) is one we sent only so that servers ignore it: echoed, it was not understood.
            if (hello.extension(e.type()) == null || GreaseValues.isGrease(e.type())) {
                throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
                        "ServerHello carries " + e.name() + ", which we did not offer (RFC 5246 §7.4.1.4)");
            }
            if (NOT_IN_A_TLS12_SERVER_HELLO.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION, "a TLS 1.2 ServerHello carries "
                        + e.name() + ", which a TLS 1.2 server never sends (RFC 5246 §7.4.1.4, RFC 8446 §4.2)");
            }
            if (EMPTY_IN_A_SERVER_HELLO.contains(e.type()) && e.data().length != 0) {
                throw new TlsAlertException(AlertDescription.DECODE_ERROR, "the ServerHello's " + e.name()
                        + " must be empty, it has " + e.data().length + " bytes");
            }
            if (e.type() == ExtensionType.EC_POINT_FORMATS) {
                checkPointFormats(e);
            }
        }
    }

    /** RFC 8422 §5.2: {@code ECPointFormat ec_point_format_list<1..2^8-1>}, and it must include uncompressed. */
    private static void checkPointFormats(Extension e) throws TlsAlertException {
        WireReader r = new WireReader(e.data(), "ec_point_formats");
        byte[] formats = r.opaque8();
        r.expectEnd();
        if (formats.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "the ServerHello's ec_point_formats list is empty (RFC 8422 §5.2)");
        }
        for (byte f : formats) {
            if (f == UNCOMPRESSED) {
                return;
            }
        }
        throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                "the ServerHello's ec_point_formats leaves out uncompressed, the only format we use (RFC 8422 §5.2)");
    }
}
