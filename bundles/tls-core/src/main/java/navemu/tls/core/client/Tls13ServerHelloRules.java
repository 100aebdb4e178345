package navemu.tls.core.client;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.ProtocolVersion;
import navemu.tls.core.handshake.ServerHello;

/**
 * What a TLS 1.3 ServerHello and HelloRetryRequest must be, judged against the ClientHello we
 * sent (RFC 8446 §4.1.3, §4.1.4, §4.2), and the extension rule every server message shares.
 * Each broken rule is a {@link TlsAlertException} naming the alert and the clause.
 */
final class Tls13ServerHelloRules {
    private Tls13ServerHelloRules() {
    }

    /** The checks a ServerHello and a HelloRetryRequest share (§4.1.3, §4.1.4, §4.2). */
    static void check(ServerHello sh, ClientHello hello) throws TlsAlertException {
        Extension versions = sh.extension(ExtensionType.SUPPORTED_VERSIONS);
        if (versions == null) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "the server chose "
                    + ProtocolVersion.nameOf(sh.legacyVersion()) + "; this client speaks only TLS 1.3 (no supported_versions in ServerHello, RFC 8446 §4.2.1)");
        }
        int selected = Extensions.decodeSelectedVersion(versions.data());
        if (selected != ProtocolVersion.TLS13) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "supported_versions selects "
                    + ProtocolVersion.nameOf(selected) + ", which we did not offer (RFC 8446 §4.2.1)");
        }
        if (sh.legacyVersion() != ProtocolVersion.TLS12) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    String.format("legacy_version must be 0x0303 in TLS 1.3, got 0x%04x (RFC 8446 §4.1.3)", sh.legacyVersion()));
        }
        if (!Arrays.equals(sh.legacySessionIdEcho(), hello.legacySessionId())) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "legacy_session_id_echo does not echo our session id (RFC 8446 §4.1.3)");
        }
        if (sh.legacyCompressionMethod() != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "legacy_compression_method must be 0, got " + sh.legacyCompressionMethod() + " (RFC 8446 §4.1.3)");
        }
        if (!hello.cipherSuites().contains(sh.cipherSuite()) || Tls13CipherSuite.of(sh.cipherSuite()) == null) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server chose "
                    + Tls13CipherSuite.nameOf(sh.cipherSuite()) + ", a cipher suite we did not offer (RFC 8446 §4.1.3)");
        }
        Set<Integer> allowed = sh.isHelloRetryRequest()
                ? Set.of(ExtensionType.KEY_SHARE, ExtensionType.SUPPORTED_VERSIONS, ExtensionType.COOKIE)
                : Set.of(ExtensionType.KEY_SHARE, ExtensionType.SUPPORTED_VERSIONS, ExtensionType.PRE_SHARED_KEY);
        checkExtensions(hello, sh.messageName(), sh.extensions(), allowed, Set.of(ExtensionType.COOKIE));
    }

    /**
     * §4.2: an extension we did not offer is an unsupported_extension (the cookie of a
     * HelloRetryRequest excepted); one we offered but that does not belong in this message is
     * an illegal_parameter.
     */
    static void checkExtensions(ClientHello hello, String messageName, List<Extension> received, Set<Integer> allowed,
                                Set<Integer> unsolicitedAllowed) throws TlsAlertException {
        for (Extension e : received) {
            boolean offered = hello.extension(e.type()) != null;
            if (!offered && !unsolicitedAllowed.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
                        messageName + " carries " + e.name() + ", which we did not offer (RFC 8446 §4.2)");
            }
            if (!allowed.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        e.name() + " is not allowed in " + messageName + " (RFC 8446 §4.2)");
            }
        }
    }
}
