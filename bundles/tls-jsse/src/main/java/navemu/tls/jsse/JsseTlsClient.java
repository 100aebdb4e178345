package navemu.tls.jsse;

import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.trace.StepTrace;
import navemu.tls.engine.EngineStack;
import navemu.tls.engine.EngineTlsClient;

/**
 * The JDK's own TLS client (SunJSSE), as the reference the other TLS implementations are compared
 * with: its SSLEngine, driven by the shared {@link EngineTlsClient} (TLS 1.3 and 1.2, SNI = host, the
 * request's ALPN, the server's chain to the navigation's cert slot).
 *
 * <p>What JSSE does not allow: resuming through the session slot (JSSE keeps sessions inside its
 * SSLContext and exposes neither tickets nor secrets), key logging, and 0-RTT. Each handshake uses
 * a fresh SSLContext, so the JDK's own cache never resumes behind the session slot's back.
 */
public final class JsseTlsClient extends EngineTlsClient {

    public JsseTlsClient() {
        super(new SunJsse());
    }

    /** SunJSSE as the engine's library; ALPN through the JDK's own SSLParameters (the defaults). */
    private static final class SunJsse implements EngineStack {

        @Override
        public SSLContext newContext(TrustManager trust, StepTrace trace) throws NavigationException {
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
            return context;
        }

        @Override
        public String caller() {
            return "JSSE";
        }

        @Override
        public String decryptedBy() {
            return "JSSE decrypts them inside the SSLEngine";
        }

        @Override
        public String provider() {
            return "SunJSSE";
        }
    }
}
