package navemu.lab.origin;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.conscrypt.Conscrypt;

import navemu.lab.ca.SiteCredential;
import navemu.lab.http.SiteResponder;
import navemu.lab.http2.ApplicationProtocols;
import navemu.lab.site.TlsSpec;

/**
 * HTTPS by BoringSSL, Chrome's own TLS library, through Conscrypt (its Java binding, which
 * carries BoringSSL as a native library and loads it itself). What it brings the lab:
 * TLS 1.3 resumption with tickets (RFC 8446 §2.2) as Google's servers do it, the key exchange
 * groups Chrome speaks (X25519MLKEM768 included) chosen per site, and a server that behaves as
 * BoringSSL does on every malformed message.
 *
 * <p>One SSLContext per site, so its session cache and ticket keys span connections.
 * Conscrypt's provider is used by name and never installed process-wide, so the other
 * stacks keep theirs.
 */
final class BoringSslTlsHandler implements ConnectionHandler {

    private static final char[] IN_MEMORY_PASSWORD = "navemu-lab".toCharArray();

    private final TlsSpec spec;
    private final Supplier<CompletableFuture<SiteCredential>> pending;
    private final SiteResponder responder;
    private volatile SSLContext context;

    BoringSslTlsHandler(TlsSpec spec, Supplier<CompletableFuture<SiteCredential>> credential, SiteResponder responder) {
        this.spec = spec;
        this.pending = credential;
        this.responder = responder;
    }

    @Override
    public void handle(Socket socket) throws IOException {
        SSLSocket tls = (SSLSocket) context().getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(spec.versions().toArray(String[]::new));
        if (!spec.cipherSuites().isEmpty()) {
            tls.setEnabledCipherSuites(spec.cipherSuites().toArray(String[]::new));
        }
        if (!spec.groups().isEmpty()) {
            Conscrypt.setNamedGroups(tls, spec.groups().toArray(String[]::new));
        }
        Conscrypt.setApplicationProtocols(tls, spec.alpn().toArray(String[]::new));
        Conscrypt.setUseSessionTickets(tls, true);
        try {
            tls.startHandshake();
            String connection = tls.getSession().getProtocol() + " with " + tls.getSession().getCipherSuite()
                    + " (BoringSSL TLS server, via Conscrypt " + conscryptVersion() + ")";
            ApplicationProtocols.serve(tls.getApplicationProtocol(), tls.getInputStream(), tls.getOutputStream(),
                    responder, connection);
        } finally {
            tls.close(); // close_notify
        }
    }

    private static String conscryptVersion() {
        Conscrypt.Version v = Conscrypt.version();
        return v.major() + "." + v.minor() + "." + v.patch();
    }

    private SSLContext context() throws IOException {
        SSLContext c = context;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (context == null) {
                context = newContext(await());
            }
            return context;
        }
    }

    private SiteCredential await() throws IOException {
        try {
            return pending.get().get(BouncyCastleTlsHandler.CREDENTIAL_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the lab CA could not make the certificate of " + spec.names() + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IOException("the certificate of " + spec.names() + " is still being made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static SSLContext newContext(SiteCredential credential) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("site", credential.key(), IN_MEMORY_PASSWORD, credential.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS", provider());
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | LinkageError e) {
            throw new IOException("cannot set up the BoringSSL (Conscrypt) TLS server: " + e, e);
        }
    }

    /** Conscrypt's provider, made once; loading it extracts and loads BoringSSL's native library. */
    private static Provider provider() {
        return ProviderHolder.PROVIDER;
    }

    private static final class ProviderHolder {
        static final Provider PROVIDER = Conscrypt.newProvider();
    }
}
