package navemu.tls.jsse;

import java.io.IOException;
import java.security.GeneralSecurityException;
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
 * The JDK's own TLS client (SunJSSE), as the reference the other TLS implementations are compared
 * with. It runs an {@link SSLEngine} over the connection's streams (not an SSLSocket), so that any
 * link under the connection is honoured; offers TLS 1.3 and 1.2, SNI = host and the request's ALPN;
 * and hands the server's chain to the navigation's cert slot.
 *
 * <p>What JSSE does not allow: resuming through the session slot (JSSE keeps sessions inside its
 * SSLContext and exposes neither tickets nor secrets), key logging, and 0-RTT. Each handshake uses
 * a fresh SSLContext, so the JDK's own cache never resumes behind the session slot's back.
 */
public final class JsseTlsClient implements TlsClient {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        Duration readTimeout = request.readTimeout() == null ? DEFAULT_READ_TIMEOUT : request.readTimeout();
        SlotTrustManager trust = new SlotTrustManager(context.validator(), request.host(), context.now(), trace);
        SSLEngine engine = newEngine(request, trust, trace);
        HandshakeObserver observer = new HandshakeObserver(trace);
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
        return new JsseSecureChannel(driver, connection, info, trust.verdict());
    }

    private SSLEngine newEngine(TlsRequest request, SlotTrustManager trust, StepTrace trace)
            throws NavigationException {
        SSLContext context;
        try {
            // SunJSSE by name: another bundle may have put Bouncy Castle's JSSE first in the provider list.
            context = SSLContext.getInstance("TLS", "SunJSSE");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "the JDK's TLS (SunJSSE) is not"
                    + " available: " + e.getMessage(), e);
        }
        trace.info("JSSE (SunJSSE, Java " + Runtime.version().feature() + "): a fresh SSLContext for this"
                + " handshake, so the JDK's session cache cannot resume behind the session slot's back;"
                + " JSSE does not expose tickets or secrets, so it neither resumes from nor feeds the session"
                + " slot, writes no key log and sends no early data");
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
        parameters.setApplicationProtocols(request.alpn().toArray(new String[0]));
        // The hostname check belongs to the cert slot, which the trust manager consults.
        parameters.setEndpointIdentificationAlgorithm(null);
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static TlsInfo describe(SSLEngine engine, TlsRequest request, HandshakeObserver observer,
                                    EngineDriver driver, StepTrace trace) {
        SSLSession session = engine.getSession();
        String alpn = engine.getApplicationProtocol();
        TlsInfo.Builder builder = TlsInfo.builder()
                .version(session.getProtocol())
                .cipherSuite(session.getCipherSuite())
                .group(observer.group())
                .alpn(alpn == null || alpn.isEmpty() ? null : alpn)
                .sni(serverName(request.host()))
                // A fresh SSLContext has an empty cache, so nothing can have been resumed.
                .resumed(false)
                .earlyData(false);
        observer.messages().forEach(builder::message);
        TlsInfo info = builder.build();
        trace.info("negotiated " + info.version() + " with " + info.cipherSuite()
                + (info.group() == null ? "" : ", group " + info.group())
                + (info.alpn() == null ? ", no ALPN" : ", ALPN " + info.alpn()) + " in " + driver.flights()
                + " round trip(s)");
        trace.detail("version", info.version());
        trace.detail("cipherSuite", info.cipherSuite());
        trace.detail("group", info.group());
        trace.detail("alpn", info.alpn());
        trace.detail("sni", info.sni());
        trace.detail("resumed", false);
        trace.detail("provider", "SunJSSE");
        return info;
    }

    /** How far the handshake got, from the plaintext messages seen: for the result of a failed navigation. */
    private static TlsInfo partial(TlsRequest request, HandshakeObserver observer) {
        TlsInfo.Builder builder = TlsInfo.builder()
                .version(observer.version())
                .cipherSuite(observer.cipherSuite())
                .group(observer.group())
                .sni(serverName(request.host()));
        observer.messages().forEach(builder::message);
        return builder.build();
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
