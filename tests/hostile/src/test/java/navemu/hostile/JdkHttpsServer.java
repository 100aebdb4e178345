package navemu.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import navemu.tls.core.testing.TestPki;

/**
 * The JDK's own TLS server (SunJSSE) on loopback, in this process: fast enough for thousands of
 * handshakes a minute. It answers one fixed HTTP response per connection and closes with
 * close_notify.
 */
final class JdkHttpsServer implements FuzzServer {
    private static final String BODY = "hostile suite: the server's page, byte for byte";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length()
            + "\r\nConnection: close\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final SSLServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jdk-https-connection");
        t.setDaemon(true);
        return t;
    });

    private JdkHttpsServer(String name, SSLServerSocket listener) {
        this.name = name;
        this.listener = listener;
        Thread acceptor = new Thread(this::acceptLoop, "jdk-https-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A TLS 1.3 server with its default suites and groups. */
    static JdkHttpsServer tls13(TestPki pki) throws Exception {
        return start("jdk-tls13", pki, "TLSv1.3", null);
    }

    /** A TLS 1.2 server limited to {@code suites}, e.g. RSA key exchange or ECDHE. */
    static JdkHttpsServer tls12(String name, TestPki pki, String... suites) throws Exception {
        return start(name, pki, "TLSv1.2", suites);
    }

    private static JdkHttpsServer start(String name, TestPki pki, String protocol, String[] suites) throws Exception {
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(pki.keyManagers(null).getKeyManagers(), null, null);
        SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        s.setEnabledProtocols(new String[] {protocol});
        if (suites != null) {
            s.setEnabledCipherSuites(suites);
        }
        return new JdkHttpsServer(name, s);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public byte[] request() {
        return ("GET / HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] expectedResponse() {
        return RESPONSE.clone();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket accepted = listener.accept();
                connections.execute(() -> serve((SSLSocket) accepted));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(SSLSocket socket) {
        try (socket) {
            // A mutated client flight never comes; the proxy or the client closes long before this.
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            SSLParameters params = socket.getSSLParameters();
            params.setApplicationProtocols(new String[] {"http/1.1"});
            socket.setSSLParameters(params);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!seen.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                seen.write(buf, 0, n);
            }
            socket.getOutputStream().write(RESPONSE);
            socket.getOutputStream().flush();
        } catch (IOException | RuntimeException expected) {
            // The fuzzer breaks connections on purpose; the server side's errors are not under test.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        connections.shutdownNow();
    }
}
