package navemu.tls.jsse;

import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;

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
        public SSLContext newContext() throws GeneralSecurityException {
            // SunJSSE by name: another bundle may have put Bouncy Castle's JSSE first in the provider list.
            return SSLContext.getInstance("TLS", "SunJSSE");
        }

        @Override
        public String name() {
            return "the JDK's TLS (SunJSSE)";
        }

        @Override
        public String limits() {
            return "JSSE (SunJSSE, Java " + Runtime.version().feature() + "): a fresh SSLContext for this"
                    + " handshake, so the JDK's session cache cannot resume behind the session slot's back;"
                    + " JSSE does not expose tickets or secrets, so it neither resumes from nor feeds the session"
                    + " slot, writes no key log and sends no early data";
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
