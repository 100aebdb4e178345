package navemu.tls.tls13ecdhe;

import navemu.tls.core.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * A TLS 1.3 HTTPS-ish server on loopback, run by the JDK's TLS (SunJSSE) or Bouncy Castle's
 * (BCJSSE): it answers each request with a small HTTP response and closes with close_notify.
 */
final class JsseServer implements AutoCloseable {
    enum Impl { JDK, BC }

    static final String BODY = "hello from the test server";

    private final SSLServerSocket server;
    private final Thread acceptor;
    final AtomicInteger handshakes = new AtomicInteger();
    final AtomicReference<String> lastCipherSuite = new AtomicReference<>();
    final AtomicReference<Throwable> lastError = new AtomicReference<>();

    private JsseServer(SSLServerSocket server, Impl impl, String[] namedGroups) {
        this.server = server;
        this.acceptor = new Thread(() -> acceptLoop(impl, namedGroups), "test-tls-server-" + impl);
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /**
     * @param suites      TLS 1.3 suites the server may pick (null: its defaults)
     * @param namedGroups key-exchange groups the server accepts (BC only; null: its defaults)
     */
    static JsseServer start(Impl impl, TestPki pki, String[] suites, String[] namedGroups) throws Exception {
        Provider provider = impl == Impl.BC ? new BouncyCastleJsseProvider(new BouncyCastleProvider()) : null;
        SSLContext ctx = provider == null ? SSLContext.getInstance("TLSv1.3") : SSLContext.getInstance("TLSv1.3", provider);
        ctx.init(pki.keyManagers(provider).getKeyManagers(), null, null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        s.setEnabledProtocols(new String[] {"TLSv1.3"});
        if (suites != null) {
            s.setEnabledCipherSuites(suites);
        }
        if (namedGroups != null && impl != Impl.BC) {
            throw new IllegalArgumentException("only the BC server can restrict its groups per socket on JDK 17");
        }
        return new JsseServer(s, impl, namedGroups);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop(Impl impl, String[] namedGroups) {
        while (!server.isClosed()) {
            try {
                Socket accepted = server.accept();
                Thread t = new Thread(() -> serve((SSLSocket) accepted, impl, namedGroups), "test-tls-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket socket, Impl impl, String[] namedGroups) {
        try (socket) {
            socket.setSoTimeout(10_000);
            // Without this, Nagle on the server side meets the client's delayed ACK: ~40 ms per flight.
            socket.setTcpNoDelay(true);
            if (namedGroups != null) {
                BCSSLSocket bc = (BCSSLSocket) socket;
                BCSSLParameters p = bc.getParameters();
                p.setNamedGroups(namedGroups);
                bc.setParameters(p);
            }
            SSLParameters params = socket.getSSLParameters();
            params.setApplicationProtocols(new String[] {"http/1.1"});
            socket.setSSLParameters(params);
            socket.startHandshake();
            handshakes.incrementAndGet();
            lastCipherSuite.set(socket.getSession().getCipherSuite());
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            String seen = "";
            while (!seen.contains("\r\n\r\n")) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                seen += new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (Exception e) {
            lastError.set(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
