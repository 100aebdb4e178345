package navemu.cert.jdk;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import navemu.api.host.Host;

/**
 * Runs the JDK's own HTTPS endpoint identification (RFC 2818 §3.1 / RFC 6125, the code behind
 * {@code SSLParameters.setEndpointIdentificationAlgorithm("HTTPS")}) on a chain outside any handshake.
 *
 * <p>The JDK exposes that check only through {@link X509ExtendedTrustManager#checkServerTrusted(
 * X509Certificate[], String, SSLEngine)}, which reads the host and the algorithm from the engine's
 * handshake session. This class hands the JDK's PKIX trust manager a stand-in engine that carries
 * exactly those two facts and nothing else, so the name matching (wildcards, IP addresses) is the
 * JDK's, not ours.
 *
 * <p>The leaf itself is the only trust anchor given to that trust manager: the JDK then accepts the
 * "path" at once (a trusted end-entity needs no path, and the JDK skips its date and end-entity checks
 * for it) and runs nothing but the identity check. That matters because the trust manager always
 * validates at the wall-clock time, while navemu validates at the navigation's time; the path itself
 * has already been validated by {@link JdkValidator}. What is lost: the JDK's extra wildcard rule
 * for chains to its own public CAs (no wildcard over a public suffix).
 */
final class HostnameProbe {

    private HostnameProbe() {
    }

    /**
     * @param leaf the server's certificate
     * @param host the host navigated to
     */
    static void check(X509Certificate leaf, String host) throws CertificateException {
        X509ExtendedTrustManager trustManager;
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("leaf", leaf);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
            factory.init(store);
            trustManager = null;
            for (TrustManager candidate : factory.getTrustManagers()) {
                if (candidate instanceof X509ExtendedTrustManager) {
                    trustManager = (X509ExtendedTrustManager) candidate;
                }
            }
        } catch (Exception e) {
            throw new CertificateException("the JDK's trust manager is not available: " + e, e);
        }
        if (trustManager == null) {
            throw new CertificateException("the JDK offers no X509ExtendedTrustManager");
        }
        trustManager.checkServerTrusted(new X509Certificate[] {leaf}, "UNKNOWN", new ProbeEngine(canonical(host)));
    }

    /**
     * The host as the URL's host parser reads it, so that the JDK compares what a browser would:
     * A-labels by UTS #46 ({@code faß.de} is {@code xn--fa-hia.de}; the JDK's own conversion is IDNA
     * 2003, which makes it {@code fass.de}), and an IPv4 address in dotted-quad form ({@code 1.2.3} is
     * 1.2.0.3). A host the parser refuses is handed over as it is, for the JDK to refuse too.
     */
    static String canonical(String host) {
        String bare = host != null && host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return Host.tryParse(bare).map(h -> h.isIpAddress() ? h.text() : h.withoutTrailingDot()).orElse(host);
    }

    /** An engine that is never used for TLS: it only tells the trust manager the host and "HTTPS". */
    private static final class ProbeEngine extends SSLEngine {
        private final ProbeSession session;

        ProbeEngine(String host) {
            super(host, 443);
            session = new ProbeSession(host);
        }

        @Override
        public SSLSession getHandshakeSession() {
            return session;
        }

        @Override
        public SSLParameters getSSLParameters() {
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            return parameters;
        }

        @Override public boolean getUseClientMode() { return true; }
        @Override public SSLEngineResult wrap(ByteBuffer[] src, int off, int len, ByteBuffer dst) { throw unused(); }
        @Override public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int off, int len) { throw unused(); }
        @Override public Runnable getDelegatedTask() { return null; }
        @Override public void closeInbound() { }
        @Override public boolean isInboundDone() { return true; }
        @Override public void closeOutbound() { }
        @Override public boolean isOutboundDone() { return true; }
        @Override public String[] getSupportedCipherSuites() { return new String[0]; }
        @Override public String[] getEnabledCipherSuites() { return new String[0]; }
        @Override public void setEnabledCipherSuites(String[] suites) { }
        @Override public String[] getSupportedProtocols() { return new String[0]; }
        @Override public String[] getEnabledProtocols() { return new String[0]; }
        @Override public void setEnabledProtocols(String[] protocols) { }
        @Override public SSLSession getSession() { return session; }
        @Override public void beginHandshake() { throw unused(); }
        @Override public SSLEngineResult.HandshakeStatus getHandshakeStatus() { return SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING; }
        @Override public void setUseClientMode(boolean mode) { }
        @Override public void setNeedClientAuth(boolean need) { }
        @Override public boolean getNeedClientAuth() { return false; }
        @Override public void setWantClientAuth(boolean want) { }
        @Override public boolean getWantClientAuth() { return false; }
        @Override public void setEnableSessionCreation(boolean flag) { }
        @Override public boolean getEnableSessionCreation() { return false; }

        private static UnsupportedOperationException unused() {
            return new UnsupportedOperationException("a hostname probe carries no TLS");
        }
    }

    /**
     * The session facts the JDK's identity check reads: the peer host. Its protocol is "NONE", so the
     * trust manager does not apply a handshake's signature_algorithms list (there was no handshake).
     */
    private static final class ProbeSession extends ExtendedSSLSession {
        private final String host;

        ProbeSession(String host) {
            this.host = host;
        }

        @Override public String getPeerHost() { return host; }
        @Override public int getPeerPort() { return 443; }
        @Override public String getProtocol() { return "NONE"; }
        @Override public List<SNIServerName> getRequestedServerNames() { return List.of(); }
        @Override public List<byte[]> getStatusResponses() { return List.of(); }
        @Override public String[] getLocalSupportedSignatureAlgorithms() { return new String[0]; }
        @Override public String[] getPeerSupportedSignatureAlgorithms() { return new String[0]; }
        @Override public byte[] getId() { return new byte[0]; }
        @Override public SSLSessionContext getSessionContext() { return null; }
        @Override public long getCreationTime() { return 0; }
        @Override public long getLastAccessedTime() { return 0; }
        @Override public void invalidate() { }
        @Override public boolean isValid() { return false; }
        @Override public void putValue(String name, Object value) { }
        @Override public Object getValue(String name) { return null; }
        @Override public void removeValue(String name) { }
        @Override public String[] getValueNames() { return new String[0]; }
        @Override public Certificate[] getPeerCertificates() { return new Certificate[0]; }
        @Override public Certificate[] getLocalCertificates() { return null; }
        @Override public Principal getPeerPrincipal() { return null; }
        @Override public Principal getLocalPrincipal() { return null; }
        @Override public String getCipherSuite() { return "SSL_NULL_WITH_NULL_NULL"; }
        @Override public int getPacketBufferSize() { return 0; }
        @Override public int getApplicationBufferSize() { return 0; }
    }
}
