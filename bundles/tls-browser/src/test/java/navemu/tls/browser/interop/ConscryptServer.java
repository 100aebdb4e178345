package navemu.tls.browser.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.conscrypt.Conscrypt;

import navemu.tls.core.testing.TestPki;

/**
 * BoringSSL's TLS server (Chrome's TLS library) through Conscrypt, in this JVM: Conscrypt's
 * provider is made by name and never installed, so nothing else in the JVM uses it. Each
 * connection gets the versions and groups asked for ({@code Conscrypt.setNamedGroups}, IANA
 * names, X25519MLKEM768 included) and the GET it reads is answered with a 200.
 */
final class ConscryptServer implements InteropServer {
    private static final char[] PASSWORD = "navemu".toCharArray();

    private final ServerSocket listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    private final StringBuffer log = new StringBuffer();
    /** Connections still open, closed with the server so no thread outlives the test by more than its read timeout. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private ConscryptServer(SSLContext context, List<String> protocols, List<String> groups) throws IOException {
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket plain = listener.accept();
                    open.add(plain);
                    Thread t = new Thread(() -> serve(context, plain, protocols, groups), "boringssl-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "boringssl-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ConscryptServer start(TestPki pki, List<String> protocols, List<String> groups) throws Exception {
        Provider provider = Conscrypt.newProvider();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", pki.leafKeys.getPrivate(), PASSWORD, new X509Certificate[] {pki.leaf, pki.root});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS", provider);
        context.init(keys.getKeyManagers(), null, null);
        return new ConscryptServer(context, protocols, groups);
    }

    private void serve(SSLContext context, Socket plain, List<String> protocols, List<String> groups) {
        try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true)) {
            plain.setSoTimeout(15_000);
            tls.setUseClientMode(false);
            tls.setEnabledProtocols(protocols.toArray(String[]::new));
            Conscrypt.setNamedGroups(tls, groups.toArray(String[]::new));
            Conscrypt.setApplicationProtocols(tls, new String[] {"http/1.1"});
            tls.startHandshake();
            log.append("handshake ").append(tls.getSession().getProtocol()).append(' ').append(tls.getSession().getCipherSuite()).append('\n');
            InputStream in = tls.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = tls.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | RuntimeException e) {
            log.append("failed: ").append(e).append('\n');
        } finally {
            open.remove(plain);
        }
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public String output() {
        return "BoringSSL (Conscrypt " + Conscrypt.version().major() + "." + Conscrypt.version().minor() + "."
                + Conscrypt.version().patch() + "): " + log;
    }

    @Override
    public void close() {
        try {
            listener.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing sockets we own
        }
    }
}
