package navemu.tls.boringssl;

import java.security.GeneralSecurityException;
import java.security.Provider;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.conscrypt.Conscrypt;

import navemu.tls.engine.EngineStack;
import navemu.tls.engine.EngineTlsClient;

/**
 * BoringSSL's TLS client, Chrome's own TLS library, through Conscrypt: the reference our
 * {@code browser} client is compared with, as {@code jsse} is for the JDK. Conscrypt's SSLEngine is
 * driven by the shared {@link EngineTlsClient} (TLS 1.3 and 1.2, SNI = host, the request's ALPN, the
 * server's chain to the navigation's cert slot).
 *
 * <p>What it cannot show: BoringSSL decrypts inside the engine, so only the plaintext part of the
 * handshake is traced (no per-message trace after ServerHello, no secrets, no key log); the group
 * is read from the ServerHello on the wire, as Conscrypt does not report it. Each handshake uses a
 * fresh SSLContext, so BoringSSL's own session cache never resumes behind the session slot's back
 * (a resumption would skip the cert slot): it never resumes and never sends early data.
 */
public final class BoringSslTlsClient extends EngineTlsClient {

    public BoringSslTlsClient() {
        super(new BoringSsl());
    }

    /** BoringSSL through Conscrypt as the engine's library; ALPN through Conscrypt's own calls. */
    private static final class BoringSsl implements EngineStack {

        @Override
        public SSLContext newContext() throws GeneralSecurityException {
            return SSLContext.getInstance("TLS", conscrypt());
        }

        @Override
        public String name() {
            return "BoringSSL (Conscrypt)";
        }

        @Override
        public String limits() {
            return "BoringSSL (Conscrypt " + version() + "), Chrome's TLS library: a fresh SSLContext for this"
                    + " handshake, so BoringSSL's session cache cannot resume behind the session slot's back;"
                    + " it decrypts inside its engine, so only the plaintext part of the handshake is shown, with no"
                    + " secrets, no key log and no early data";
        }

        @Override
        public void offerApplicationProtocols(SSLEngine engine, String[] protocols) {
            Conscrypt.setApplicationProtocols(engine, protocols);
        }

        @Override
        public String applicationProtocol(SSLEngine engine) {
            return Conscrypt.getApplicationProtocol(engine);
        }

        @Override
        public String caller() {
            return "Conscrypt";
        }

        @Override
        public String decryptedBy() {
            return "BoringSSL decrypts them inside Conscrypt's SSLEngine";
        }

        @Override
        public String provider() {
            return "BoringSSL (Conscrypt " + version() + ")";
        }
    }

    private static String version() {
        Conscrypt.Version v = Conscrypt.version();
        return v.major() + "." + v.minor() + "." + v.patch();
    }

    /** Conscrypt's provider, made once and never installed process-wide; making it loads BoringSSL's native library. */
    private static Provider conscrypt() {
        return ProviderHolder.PROVIDER;
    }

    private static final class ProviderHolder {
        static final Provider PROVIDER = Conscrypt.newProvider();
    }
}
