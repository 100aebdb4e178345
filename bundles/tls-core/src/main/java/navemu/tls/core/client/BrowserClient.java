package navemu.tls.core.client;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.ProtocolVersion;
import navemu.tls.core.handshake.ServerHello;

/**
 * A browser's client: one ClientHello offering TLS 1.3 and TLS 1.2, then whichever version the
 * server picks. Like rustls's {@code hs.rs}, this is the one place that looks at the
 * ServerHello's version and hands the rest to the TLS 1.3 handshake or the TLS 1.2 one, which
 * live beside it; it also enforces the downgrade sentinel of RFC 8446 §4.1.3. The plain class
 * behind the browser component, usable from tests.
 */
public final class BrowserClient {
    private final Tls13ClientConfig tls13;
    private final Tls12ClientConfig tls12;

    public BrowserClient(Tls13ClientConfig tls13, Tls12ClientConfig tls12) {
        this.tls13 = tls13;
        this.tls12 = tls12;
    }

    /**
     * What Chrome 143 offers (docs/architecture.md lists the differences): TLS 1.3's three suites,
     * the hybrid X25519MLKEM768 first with a key share for it and one for x25519, then P-256 and
     * P-384, Chrome's eight signature algorithms; for TLS 1.2 its ECDHE and RSA suites, on the
     * Diffie-Hellman groups only (the hybrid group is TLS 1.3's).
     */
    public static BrowserClient defaults() {
        SecureRandom random = new SecureRandom();
        List<SignatureScheme> signatureAlgorithms = Tls12ClientConfig.defaultSignatureAlgorithms();
        Tls13ClientConfig t13 = new Tls13ClientConfig(
                List.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, Tls13CipherSuite.TLS_AES_256_GCM_SHA384,
                        Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256),
                List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
                List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519),
                signatureAlgorithms, random);
        Tls12ClientConfig t12 = Tls12ClientConfig.browser()
                .withSupportedGroups(t13.supportedGroups().stream().filter(g -> !g.isHybrid()).toList());
        return new BrowserClient(t13, t12);
    }

    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return HandshakeRun.run(request, connection, context, trace, (io, log) -> {
            BrowserNarration narration = new BrowserNarration(log);
            Tls13ClientHandshake h13 = new Tls13ClientHandshake(request, context, tls13, io, log,
                    ChromeHelloShape.newConnection(tls13.random()));
            Tls12ClientHandshake h12 = new Tls12ClientHandshake(request, context, tls12, io, log);
            log.sni(h13.sni());
            // As Chrome (BoringSSL before a version is chosen): the first ClientHello's record says
            // TLS 1.0 (RFC 8446 §5.1 allows it for compatibility); from the server's answer on, 1.2.
            io.plaintextRecordVersion(ProtocolVersion.TLS10);
            // One ClientHello for both versions: TLS 1.3 suites first, then TLS 1.2's; both handshakes' extensions.
            h12.clientHelloSent(h13.sendClientHello(h12.offerBesideTls13(), ProtocolVersion.TLS13, ProtocolVersion.TLS12));
            narration.waitingForServerChoice();

            HandshakeMessage first = io.expect(HandshakeType.SERVER_HELLO);
            io.plaintextRecordVersion(ProtocolVersion.TLS12);
            ServerHello sh = ServerHello.decode(first.body());
            if (chosenVersion(sh) == ProtocolVersion.TLS13) {
                narration.serverChose("TLS 1.3");
                io.dropChangeCipherSpec(true); // middlebox compatibility (RFC 8446 §D.4)
                return Tls13Client.channel(connection, io, log, h13, h13.continueAfterServerHello(first), request, context);
            }
            // TLS 1.2 is recorded as negotiated only once its handshake accepts the ServerHello
            // (the downgrade sentinel below may still refuse it).
            try {
                h13.serverChoseTls12();
            } catch (TlsAlertException earlyDataSent) {
                narration.tls12AfterEarlyData(first, sh);
                throw earlyDataSent;
            }
            checkDowngradeSentinel(sh, first, narration);
            narration.serverChose("TLS 1.2");
            return Tls12Client.channel(connection, io, log, h12.continueAfterClientHello(first));
        });
    }

    /**
     * The version dispatch (RFC 8446 §4.1.3, §4.2.1): supported_versions in the ServerHello means
     * TLS 1.3 (and must select it: 1.2 servers do not send the extension); without it the
     * legacy version is the answer, and only TLS 1.2 is acceptable.
     */
    private static int chosenVersion(ServerHello sh) throws TlsAlertException {
        Extension versions = sh.extension(ExtensionType.SUPPORTED_VERSIONS);
        if (versions != null) {
            int selected = Extensions.decodeSelectedVersion(versions.data());
            if (selected != ProtocolVersion.TLS13) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "supported_versions selects "
                        + ProtocolVersion.nameOf(selected) + "; only TLS 1.3 is negotiated that way (RFC 8446 §4.2.1)");
            }
            return ProtocolVersion.TLS13;
        }
        if (sh.legacyVersion() != ProtocolVersion.TLS12) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "the server chose "
                    + ProtocolVersion.nameOf(sh.legacyVersion()) + "; this client offers TLS 1.3 and TLS 1.2 only");
        }
        return ProtocolVersion.TLS12;
    }

    /**
     * RFC 8446 §4.1.3: a TLS 1.3 server that answers with TLS 1.2 puts DOWNGRD\1 (or \0 for 1.1)
     * in the last 8 bytes of its random. We offered 1.3, so seeing it means someone in the middle
     * removed our 1.3 offer: illegal_parameter.
     */
    private static void checkDowngradeSentinel(ServerHello sh, HandshakeMessage message, BrowserNarration narration)
            throws TlsAlertException {
        byte[] tail = Arrays.copyOfRange(sh.random(), 24, 32);
        if (Arrays.equals(tail, ServerHello.DOWNGRADE_TLS12) || Arrays.equals(tail, ServerHello.DOWNGRADE_TLS11)) {
            narration.downgradeSentinel(message, sh, tail);
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, NetError.ERR_TLS13_DOWNGRADE_DETECTED,
                    "downgrade detected: the server answered TLS 1.2 with the TLS 1.3 downgrade sentinel (DOWNGRD) in its random,"
                    + " so our TLS 1.3 offer was removed on the way (RFC 8446 §4.1.3)", null);
        }
    }
}
