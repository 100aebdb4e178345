package navemu.lab.origin;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import navemu.lab.ca.SiteCredential;
import navemu.lab.http.SiteResponder;
import navemu.lab.http2.ApplicationProtocols;
import navemu.lab.site.TlsSpec;

/**
 * HTTPS by the JDK's own TLS server (JSSE), for what Bouncy Castle's server does not do: resuming
 * TLS 1.3 sessions with NewSessionTicket / PSK (RFC 8446 §2.2, §4.6.1), and TLS 1.2 session
 * tickets (RFC 5077). One SSLContext per site, so its session cache and ticket keys span
 * connections. The accepted TCP socket is wrapped in a server-mode SSLSocket.
 */
final class JdkTlsHandler implements ConnectionHandler {

    private static final char[] IN_MEMORY_PASSWORD = "navemu-lab".toCharArray();

    private final TlsSpec spec;
    private final Supplier<CompletableFuture<SiteCredential>> pending;
    private final SiteResponder responder;
    private volatile SSLContext context;

    JdkTlsHandler(TlsSpec spec, Supplier<CompletableFuture<SiteCredential>> credential, SiteResponder responder) {
        this.spec = spec;
        this.pending = credential;
        this.responder = responder;
    }

    @Override
    public void handle(Socket socket) throws IOException {
        SSLSocket tls = (SSLSocket) context().getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        tls.setUseClientMode(false);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(spec.versions().toArray(String[]::new));
        if (!spec.cipherSuites().isEmpty()) {
            parameters.setCipherSuites(spec.cipherSuites().toArray(String[]::new));
        }
        parameters.setApplicationProtocols(spec.alpn().toArray(String[]::new));
        tls.setSSLParameters(parameters);
        try {
            tls.startHandshake();
            String connection = tls.getSession().getProtocol() + " with " + tls.getSession().getCipherSuite() + " (JDK TLS server)";
            ApplicationProtocols.serve(tls.getApplicationProtocol(), tls.getInputStream(), tls.getOutputStream(),
                    responder, connection);
        } finally {
            tls.close(); // close_notify
        }
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
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the JDK TLS server: " + e.getMessage(), e);
        }
    }
}
