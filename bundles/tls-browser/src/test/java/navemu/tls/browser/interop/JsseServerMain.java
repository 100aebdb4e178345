package navemu.tls.browser.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JSSE TLS server in a JVM of its own, started by {@link JsseServerProcess}: the JDK's
 * provider, or Bouncy Castle's JSSE provider (BCJSSE) when the class path holds Bouncy Castle
 * 1.82's jars. A JVM of its own because the JDK 17 server reads its groups only from the
 * {@code jdk.tls.namedGroups} system property, once per JVM, and because Bouncy Castle 1.82 (the
 * first with X25519MLKEM768) must not meet the project's older Bouncy Castle on one class path.
 *
 * <p>Arguments: {@code jdk|bc}, a PKCS#12 key store (password {@link #PASSWORD}), the protocols
 * (comma-separated, e.g. {@code TLSv1.3}), the groups (IANA names, comma-separated). It prints
 * {@code listening PORT}, then one line per connection ({@code handshake TLSv1.3
 * TLS_AES_128_GCM_SHA256} or {@code failed: …}), answers each GET with a 200 and exits when its
 * standard input closes, so a test that dies leaves no server behind.
 */
public final class JsseServerMain {
    static final String PASSWORD = "navemu";
    static final String BODY = "ok";

    private JsseServerMain() {
    }

    public static void main(String[] args) throws Exception {
        // Before any JSSE class loads: both providers read it once (BCJSSE as the JDK does).
        System.setProperty("jdk.tls.namedGroups", args[3]);
        Provider provider = args[0].equals("bc") ? bouncyCastleJsse() : null;
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = provider == null ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
                : KeyManagerFactory.getInstance("PKIX", provider);
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = provider == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", provider);
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 16, InetAddress.getLoopbackAddress());
        SSLParameters parameters = listener.getSSLParameters();
        parameters.setProtocols(args[2].split(","));
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        listener.setSSLParameters(parameters);

        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent holds our standard input open while it wants us
                }
            } catch (IOException ignored) {
                // closed either way
            }
            System.exit(0);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        say("listening " + listener.getLocalPort() + " (" + (provider == null ? "JDK " + System.getProperty("java.version")
                : provider.getName() + " " + provider.getVersionStr()) + ")");
        while (true) {
            Socket socket = listener.accept();
            Thread t = new Thread(() -> serve((SSLSocket) socket), "connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(15_000);
            socket.startHandshake();
            say("handshake " + socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite());
            InputStream in = socket.getInputStream();
            // Read the request head (up to its blank line), then answer it.
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | RuntimeException e) {
            say("failed: " + e + (e.getCause() == null ? "" : ", caused by " + e.getCause()));
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** BCJSSE over Bouncy Castle's JCA provider (ML-KEM is there, not in JDK 17), by reflection: this class compiles without them. */
    private static Provider bouncyCastleJsse() throws Exception {
        Provider jca = (Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider").getConstructor().newInstance();
        return (Provider) Class.forName("org.bouncycastle.jsse.provider.BouncyCastleJsseProvider")
                .getConstructor(Provider.class).newInstance(jca);
    }
}
