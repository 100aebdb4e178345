package navemu.tls.engine;

import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * What differs between two TLS libraries behind {@link EngineTlsClient}: how their SSLContext is made,
 * how ALPN is set and read, and their names in the trace. Everything else — driving the engine over
 * the connection, watching the plaintext handshake, asking the cert slot, mapping failures — is the same.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface EngineStack {

    /**
     * A new, uninitialised SSLContext of the library, asked for by provider: one per handshake, so the
     * library's own session cache cannot resume behind the session slot's back. A library that cannot
     * load may throw anything; the handshake then fails naming {@link #name()}.
     */
    SSLContext newContext() throws GeneralSecurityException;

    /** The library as users know it, in errors: "the JDK's TLS (SunJSSE)", "BoringSSL (Conscrypt)". */
    String name();

    /** What this library shows and does not show (fresh context, tickets, key log), said once per handshake. */
    String limits();

    /** The library that calls the trust manager, in the trace: "JSSE", "Conscrypt". */
    String caller();

    /** Who decrypts the encrypted part of the handshake, in the trace: "JSSE decrypts them inside the SSLEngine". */
    String decryptedBy();

    /** The {@code provider} detail of the tls step: "SunJSSE", "BoringSSL (Conscrypt 2.5.2)". */
    String provider();

    /** Offers ALPN on an engine whose other parameters are set; by default through the JDK's SSLParameters. */
    default void offerApplicationProtocols(SSLEngine engine, String[] protocols) {
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setApplicationProtocols(protocols);
        engine.setSSLParameters(parameters);
    }

    /** The protocol ALPN chose, null or empty for none. */
    default String applicationProtocol(SSLEngine engine) {
        return engine.getApplicationProtocol();
    }
}
