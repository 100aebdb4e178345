package navemu.tls.boringssl;

import java.io.IOException;
import java.security.Provider;
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

import org.conscrypt.Conscrypt;

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
 * BoringSSL's TLS client, Chrome's own TLS library, through Conscrypt: the reference our
 * {@code browser} client is compared with, as {@code jsse} is for the JDK. It runs Conscrypt's
 * {@link SSLEngine} over the connection's streams; offers TLS 1.3 and 1.2, SNI = host, the
 * request's ALPN and the groups Chrome offers (X25519MLKEM768, x25519, P-256, P-384); and hands
 * the server's chain to the navigation's cert slot.
 *
 * <p>What it cannot show: BoringSSL decrypts inside the engine, so only the plaintext part of the
 * handshake is traced (no per-message trace after ServerHello, no secrets, no key log); the group
 * is read from the ServerHello on the wire, as Conscrypt does not report it. Each handshake uses a
 * fresh SSLContext, so BoringSSL's own session cache never resumes behind the session slot's back
 * (a resumption would skip the cert slot): it never resumes and never sends early data.
 */
public final class BoringSslTlsClient implements TlsClient {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** Chrome's supported_groups, in its order (GREASE aside); BoringSSL sends key shares for the first two. */
    static final String[] GROUPS = {"X25519MLKEM768", "x25519", "secp256r1", "secp384r1"};
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
        return new EngineSecureChannel(driver, connection, info, trust.verdict());
    }

    private SSLEngine newEngine(TlsRequest request, SlotTrustManager trust, StepTrace trace)
            throws NavigationException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS", provider());
            context.init(null, new TrustManager[] {trust}, null);
        } catch (Exception | LinkageError e) {
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "BoringSSL (Conscrypt) is not available"
                    + " on this machine: " + e, e);
        }
        trace.info("BoringSSL (Conscrypt " + version() + "), Chrome's TLS library: a fresh SSLContext for this"
                + " handshake, so BoringSSL's session cache cannot resume behind the session slot's back;"
                + " it decrypts inside its engine, so only the plaintext part of the handshake is shown, with no"
                + " secrets, no key log and no early data");
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
        Conscrypt.setApplicationProtocols(engine, request.alpn().toArray(new String[0]));
        return engine;
    }

    private static TlsInfo describe(SSLEngine engine, TlsRequest request, HandshakeObserver observer,
                                    EngineDriver driver, StepTrace trace) {
        SSLSession session = engine.getSession();
        String alpn = Conscrypt.getApplicationProtocol(engine);
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
        trace.detail("provider", "BoringSSL (Conscrypt " + version() + ")");
        return info;
    }

    /** How far the handshake got, from the plaintext messages seen: for the result of a failed navigation. */
    private static TlsInfo partial(TlsRequest request, HandshakeObserver observer) {
        TlsInfo info = TlsInfo.builder()
                .version(observer.version())
                .cipherSuite(observer.cipherSuite())
                .group(observer.group())
                .sni(serverName(request.host()))
                .messages(observer.messages())
                .build();
        return info;
    }

    /**
     * The SNI name: RFC 6066 §3 allows DNS names only, never IP literals, in A-labels with no
     * trailing dot; the URL's host parser decides which is which ({@code 1.2.3} is an address).
     */
    static String serverName(String host) {
        return host == null ? null : Host.serverNameFor(host).orElse(null);
    }

    private static String version() {
        Conscrypt.Version v = Conscrypt.version();
        return v.major() + "." + v.minor() + "." + v.patch();
    }

    /** Conscrypt's provider, made once and never installed process-wide; making it loads BoringSSL's native library. */
    private static Provider provider() {
        return ProviderHolder.PROVIDER;
    }

    private static final class ProviderHolder {
        static final Provider PROVIDER = Conscrypt.newProvider();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
