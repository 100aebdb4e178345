package navemu.tls.core.client;

import java.util.Set;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.EncryptedExtensions;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.wire.WireReader;

/**
 * What EncryptedExtensions may hold (RFC 8446 §4.3.1, the "EE" column of §4.2's table) and the
 * bodies we read nowhere else. The meaning of ALPN and early_data is read by the handshake.
 */
final class EncryptedExtensionsRules {
    /** §4.2: the extensions that may appear in EncryptedExtensions. */
    private static final Set<Integer> ALLOWED = Set.of(ExtensionType.SERVER_NAME, ExtensionType.MAX_FRAGMENT_LENGTH,
            ExtensionType.SUPPORTED_GROUPS, ExtensionType.USE_SRTP, ExtensionType.HEARTBEAT, ExtensionType.ALPN,
            ExtensionType.RECORD_SIZE_LIMIT, ExtensionType.EARLY_DATA,
            ExtensionType.ENCRYPTED_CLIENT_HELLO, // draft-ietf-tls-esni: retry_configs
            ExtensionType.APPLICATION_SETTINGS, // draft-vvv-tls-alps: the server's settings
            19, 20); // client_certificate_type, server_certificate_type (RFC 7250)

    private EncryptedExtensionsRules() {
    }

    /**
     * §4.2: an extension we did not offer is an unsupported_extension; one we offered that does
     * not belong in EncryptedExtensions (key_share, pre_shared_key, supported_versions...) is an
     * illegal_parameter. Bodies: server_name and early_data are empty here (RFC 6066 §3,
     * RFC 8446 §4.2.10); supported_groups must decode. Malformed bodies are decode_error, as in
     * BoringSSL.
     */
    static void check(EncryptedExtensions ee, ClientHello hello) throws TlsAlertException {
        for (Extension e : ee.extensions()) {
            if (hello.extension(e.type()) == null) {
                throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
                        "EncryptedExtensions carries " + e.name() + ", which we did not offer (RFC 8446 §4.2)");
            }
            if (!ALLOWED.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        e.name() + " is not allowed in EncryptedExtensions (RFC 8446 §4.2, §4.3.1)");
            }
            if ((e.type() == ExtensionType.SERVER_NAME || e.type() == ExtensionType.EARLY_DATA) && e.data().length != 0) {
                throw new TlsAlertException(AlertDescription.DECODE_ERROR, "EncryptedExtensions' " + e.name()
                        + " must be empty, it has " + e.data().length + " bytes (RFC 6066 §3, RFC 8446 §4.2.10)");
            }
            if (e.type() == ExtensionType.ENCRYPTED_CLIENT_HELLO) {
                // We sent only ECH GREASE: the server's retry_configs (ECHConfigList<4..2^16-1>) must not
                // be used (draft-ietf-tls-esni §6.2); we only check they are well-formed.
                WireReader r = new WireReader(e.data(), "retry_configs");
                if (r.opaque16().length < 4) {
                    throw new TlsAlertException(AlertDescription.DECODE_ERROR, "EncryptedExtensions' retry_configs is too short");
                }
                r.expectEnd();
            }
            if (e.type() == ExtensionType.SUPPORTED_GROUPS) {
                // The server's preferences, for a later connection (§4.2.7); we only check they decode.
                Extensions.decodeSupportedGroups(e.data());
            }
        }
    }
}
