package navemu.tls.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.host.Host;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * A TLS client made of a library's {@link SSLEngine} (the {@link EngineStack}), run over the
 * connection's streams (not an SSLSocket), so that any link under the connection is honoured. It
 * offers TLS 1.3 and 1.2, SNI = host and the request's ALPN, and hands the server's chain to the
 * navigation's cert slot. The engine decrypts inside itself, so only the plaintext part of the
 * handshake is traced; no secrets, no key log, no early data. A reference slot's client is this class
 * with its library's stack.
 */
public class EngineTlsClient implements TlsClient {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private final EngineStack stack;

    public EngineTlsClient(EngineStack stack) {
        this.stack = stack;
    }

    @Override
    public final SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        Duration readTimeout = request.readTimeout() == null ? DEFAULT_READ_TIMEOUT : request.readTimeout();
        SlotTrustManager trust = new SlotTrustManager(context.validator(), request.host(), context.now(), trace,
                stack.caller());
        SSLEngine engine = newEngine(request, trust, trace);
        HandshakeObserver observer = new HandshakeObserver(trace, stack.decryptedBy());
        EngineDriver driver;
        try {
            connection.setReadTimeout(readTimeout);
            driver = new EngineDriver(engine, connection.input(), connection.output(), observer, trace);
        } catch (IOException e) {
            throw new NavigationException(NetError.ERR_CONNECTION_CLOSED, "the connection cannot carry TLS: "
                    + e.getMessage(), e);
        }
        try {
            driver.handshake();
        } catch (IOException | RuntimeException e) {
            String waitingFor = "waiting for the server after " + observer.lastSent();
            driver.sendPendingAlert();
            closeQuietly(connection);
            NavigationException failure = HandshakeFailure.map(e, trust.verdict(), readTimeout, waitingFor);
            trace.info("handshake failed: " + failure.error() + ": " + failure.getMessage());
            throw new HandshakeFailedException(failure.error(), failure.getMessage(), partial(request, observer), e);
        }
        observer.reportEncrypted();
        TlsInfo info = describe(engine, request, observer, driver, trace);
        return new EngineSecureChannel(driver, connection, info, trust.verdict());
    }

    private SSLEngine newEngine(TlsRequest request, SlotTrustManager trust, StepTrace trace)
            throws NavigationException {
        SSLContext context;
        try {
            context = stack.newContext();
            context.init(null, new TrustManager[] {trust}, null);
        } catch (Exception | LinkageError e) {
            // LinkageError: a library whose native code cannot load on this machine.
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, stack.name() + " is not available on this"
                    + " machine: " + e, e);
        }
        trace.info(stack.limits());
        SSLEngine engine = context.createSSLEngine(request.host(), request.port());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        String serverName = serverName(request.host());
        if (serverName != null) {
            List<SNIServerName> names = new ArrayList<>();
            names.add(new SNIHostName(serverName));
            parameters.setServerNames(names);
        }
        // The hostname check belongs to the cert slot, which the trust manager consults.
        parameters.setEndpointIdentificationAlgorithm(null);
        engine.setSSLParameters(parameters);
        stack.offerApplicationProtocols(engine, request.alpn().toArray(new String[0]));
        return engine;
    }

    private TlsInfo describe(SSLEngine engine, TlsRequest request, HandshakeObserver observer,
                             EngineDriver driver, StepTrace trace) {
        SSLSession session = engine.getSession();
        String alpn = stack.applicationProtocol(engine);
        TlsInfo info = TlsInfo.builder()
                .version(session.getProtocol())
                .cipherSuite(session.getCipherSuite())
                .group(observer.group())
                .alpn(alpn == null || alpn.isEmpty() ? null : alpn)
                .sni(serverName(request.host()))
                // Read from the wire rather than assumed: a fresh SSLContext has no session to offer.
                .resumed(observer.serverAcceptedPsk())
                .earlyData(false)
                .messages(observer.messages())
                .build();
        trace.info("negotiated " + info.version() + " with " + info.cipherSuite()
                + (info.group() == null ? "" : ", group " + info.group())
                + (info.alpn() == null ? ", no ALPN" : ", ALPN " + info.alpn()) + " in " + driver.flights()
                + " round trip(s)");
        trace.detail("version", info.version());
        trace.detail("cipherSuite", info.cipherSuite());
        trace.detail("group", info.group());
        trace.detail("alpn", info.alpn());
        trace.detail("sni", info.sni());
        trace.detail("resumed", info.resumed());
        trace.detail("provider", stack.provider());
        return info;
    }

    /** How far the handshake got, from the plaintext messages seen: for the result of a failed navigation. */
    private static TlsInfo partial(TlsRequest request, HandshakeObserver observer) {
        return TlsInfo.builder()
                .version(observer.version())
                .cipherSuite(observer.cipherSuite())
                .group(observer.group())
                .sni(serverName(request.host()))
                .messages(observer.messages())
                .build();
    }

    /**
     * The SNI name: RFC 6066 §3 allows DNS names only, never IP literals, in A-labels with no
     * trailing dot; the URL's host parser decides which is which ({@code 1.2.3} is an address).
     */
    static String serverName(String host) {
        return host == null ? null : Host.serverNameFor(host).orElse(null);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
