package navemu.tls.browser;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.util.encoders.Hex;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.client.HandshakeFailures;
import navemu.tls.core.client.HandshakeIo;
import navemu.tls.core.client.MessageLog;
import navemu.tls.core.client.Tls12Client;
import navemu.tls.core.client.Tls12ClientConfig;
import navemu.tls.core.client.Tls12ClientHandshake;
import navemu.tls.core.client.Tls13Client;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.client.Tls13ClientHandshake;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.ProtocolVersion;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.record.RecordLayer;

/**
 * A browser's handshake: one ClientHello offering TLS 1.3 and TLS 1.2, then whichever version
 * the server picks. Like rustls's {@code hs.rs}, this is the one place that looks at the
 * ServerHello's version and hands the rest to the TLS 1.3 handshake or the TLS 1.2 one (both
 * from tls-core); it also enforces the downgrade sentinel of RFC 8446 §4.1.3.
 */
public final class BrowserHandshake {
    /** When the request gives no read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private final Tls13ClientConfig tls13;
    private final Tls12ClientConfig tls12;

    public BrowserHandshake(Tls13ClientConfig tls13, Tls12ClientConfig tls12) {
        this.tls13 = tls13;
        this.tls12 = tls12;
    }

    /** The TLS 1.3 client's defaults, and for TLS 1.2 the browser's suites with the same signature algorithms. */
    public static BrowserHandshake defaults() {
        Tls13ClientConfig t13 = Tls13ClientConfig.defaults();
        Tls12ClientConfig b = Tls12ClientConfig.browser();
        Tls12ClientConfig t12 = new Tls12ClientConfig(b.cipherSuites(), t13.supportedGroups(),
                t13.signatureAlgorithms().stream().filter(s -> s != navemu.tls.core.crypto.SignatureScheme.ED25519).toList(),
                b.sessionIdLifetime(), t13.random());
        return new BrowserHandshake(t13, t12);
    }

    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        trace = trace == null ? StepTrace.NONE : trace;
        Duration timeout = request.readTimeout() == null ? DEFAULT_READ_TIMEOUT : request.readTimeout();
        MessageLog log = new MessageLog(trace, new TlsInfo(), context.keyLog());
        HandshakeIo io = null;
        try {
            connection.setReadTimeout(timeout);
            RecordLayer records = new RecordLayer(new BufferedInputStream(connection.input(), 1 << 15),
                    new BufferedOutputStream(connection.output(), 1 << 15));
            io = new HandshakeIo(records, log);
            Tls13ClientHandshake h13 = new Tls13ClientHandshake(request, context, tls13, io, log);
            Tls12ClientHandshake h12 = new Tls12ClientHandshake(request, context, tls12, io, log);
            log.info().sni = h13.sni();
            sendClientHello(h13, h12, io, log);

            HandshakeMessage first = io.expect(HandshakeType.SERVER_HELLO);
            ServerHello sh = ServerHello.decode(first.body());
            if (chosenVersion(sh) == ProtocolVersion.TLS13) {
                log.info("the server chose TLS 1.3");
                records.dropChangeCipherSpec(true); // middlebox compatibility (RFC 8446 §D.4)
                return Tls13Client.channel(connection, io, log, h13, h13.continueAfterServerHello(first), request, context);
            }
            // TLS 1.2 is recorded as negotiated only once its handshake accepts the ServerHello
            // (the downgrade sentinel below may still refuse it).
            try {
                h13.serverChoseTls12();
            } catch (TlsAlertException earlyDataSent) {
                log.received("ServerHello", first.length(), java.util.Map.of("version", "TLSv1.2",
                        "random", Hex.toHexString(sh.random()), "note", "TLS 1.2 after our 0-RTT data"));
                throw earlyDataSent;
            }
            checkDowngradeSentinel(sh, first, log);
            log.info("the server chose TLS 1.2");
            return Tls12Client.channel(connection, io, log, h12.continueAfterClientHello(first));
        } catch (IOException | RuntimeException e) {
            throw HandshakeFailures.map(e, io, log, connection, timeout);
        }
    }

    /** One ClientHello for both versions: TLS 1.3 suites first, then TLS 1.2's; both handshakes' extensions. */
    private void sendClientHello(Tls13ClientHandshake h13, Tls12ClientHandshake h12, HandshakeIo io, MessageLog log)
            throws IOException {
        SecureRandom random = tls13.random();
        byte[] clientRandom = new byte[32];
        random.nextBytes(clientRandom);
        h12.chooseSessionToOffer();
        byte[] sessionId = h12.sessionIdToOffer();
        if (sessionId.length == 0) {
            // Nothing to resume: a fresh id keeps TLS 1.3's middlebox compatibility mode (RFC 8446 §D.4).
            sessionId = new byte[32];
            random.nextBytes(sessionId);
        }
        ClientHello ch = h13.buildClientHello(clientRandom, sessionId,
                tls12.cipherSuites().stream().map(Tls12CipherSuite::code).toList(), h12.clientHelloExtensions(),
                ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        HandshakeMessage message = ch.toMessage();
        io.send("ClientHello", message, h13.helloFields(ch));
        io.flush();
        h13.clientHelloSent(ch, message);
        h12.clientHelloSent(ch, message);
        log.trace().roundTrip("ClientHello (TLS 1.3 and 1.2) sent; waiting for the server's choice");
    }

    /**
     * The version dispatch (RFC 8446 §4.1.3, §4.2.1): supported_versions in the ServerHello means
     * TLS 1.3 (and must select it: 1.2 servers do not send the extension); without it the
     * legacy version is the answer, and only TLS 1.2 is acceptable.
     */
    static int chosenVersion(ServerHello sh) throws TlsAlertException {
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
    static void checkDowngradeSentinel(ServerHello sh, HandshakeMessage message, MessageLog log) throws TlsAlertException {
        byte[] tail = Arrays.copyOfRange(sh.random(), 24, 32);
        if (Arrays.equals(tail, ServerHello.DOWNGRADE_TLS12) || Arrays.equals(tail, ServerHello.DOWNGRADE_TLS11)) {
            log.received("ServerHello", message.length(), java.util.Map.of("version", "TLSv1.2",
                    "random", Hex.toHexString(sh.random()), "downgrade_sentinel", Hex.toHexString(tail) + " (DOWNGRD)"));
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, NetError.ERR_TLS13_DOWNGRADE_DETECTED,
                    "downgrade detected: the server answered TLS 1.2 with the TLS 1.3 downgrade sentinel (DOWNGRD) in its random,"
                    + " so our TLS 1.3 offer was removed on the way (RFC 8446 §4.1.3)", null);
        }
    }
}
