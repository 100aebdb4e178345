package navemu.tls.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * nginx (Debian's {@code nginx-light}) serving one static file over HTTPS on a free loopback
 * port, as a child process: the configuration, certificate, key, pid file, logs and temp
 * directories all live in one temporary directory, so nothing touches /etc/nginx or /var.
 * {@code daemon off; master_process off;} keeps it one process, our child, which
 * {@link #close()} ends (and a shutdown hook, should a test never reach close).
 *
 * <p>Reusable by any client test: {@link Options} chooses the TLS versions, the key exchange
 * groups ({@code ssl_ecdh_curve}) and whether the listener offers HTTP/2 ({@code listen … ssl
 * http2}, the nginx 1.22 form), so an HTTP/2 client test can fetch {@link #STATIC_PATH} too.
 */
public final class NginxServer implements AutoCloseable {
    /** The static file every instance serves, and its content. */
    public static final String STATIC_PATH = "/hello.txt";
    public static final String STATIC_BODY = "hello from nginx on loopback\n";

    /**
     * What the server accepts.
     *
     * @param protocols {@code ssl_protocols}, e.g. {@code TLSv1.3} or {@code TLSv1.2 TLSv1.3}
     * @param curves    {@code ssl_ecdh_curve}, OpenSSL names joined by {@code :}, e.g. {@code X25519:prime256v1}
     * @param http2     whether the listener speaks HTTP/2 (ALPN h2) beside HTTP/1.1
     */
    public record Options(String protocols, String curves, boolean http2) {
        public static Options defaults() {
            return new Options("TLSv1.2 TLSv1.3", "X25519:prime256v1", false);
        }

        public Options withHttp2() {
            return new Options(protocols, curves, true);
        }
    }

    private final Process process;
    private final int port;
    private final Path dir;
    private final Thread shutdownHook;

    private NginxServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.shutdownHook = new Thread(process::destroyForcibly, "nginx-fixture-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The nginx binary (Debian puts it in /usr/sbin, outside a non-root PATH), or null when it is not installed. */
    public static String binary() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                File f = new File(d, "nginx");
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    /** Starts nginx with the leaf (and the root after it, as the chain) of {@code pki}; returns once it accepts connections. */
    public static NginxServer start(TestPki pki, Options options) throws Exception {
        String nginx = binary();
        if (nginx == null) {
            throw new IllegalStateException("nginx is not installed (Debian: apt-get install nginx-light; scripts/prerequisites.sh --tests does it)");
        }
        Path dir = Files.createTempDirectory("navemu-nginx");
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve(STATIC_PATH.substring(1)), STATIC_BODY);
        writePem(dir.resolve("chain.pem"), pki.leaf, pki.root);
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pki.leafKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        // nginx takes a port number, not 0: a free one is picked, and picked again should another
        // process bind it first (the window between our probe and nginx's bind).
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(dir, port, options));
            // -p: the prefix for relative paths; -e: the error log from the first line nginx writes,
            // before it has read error_log (else it opens /var/log/nginx/error.log).
            Process p = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", conf.toString(), "-e", dir.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            NginxServer server = new NginxServer(p, port, dir);
            try {
                server.awaitListening();
                return server;
            } catch (IllegalStateException | InterruptedException e) {
                server.stop();
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    server.deleteFiles();
                    throw e;
                }
            }
        }
    }

    /** The configuration {@link #start} writes: everything in {@code dir}, one server on 127.0.0.1:{@code port}. */
    static String config(Path dir, int port, Options options) {
        String d = dir.toString();
        return String.join("\n",
                "daemon off;",
                "master_process off;",
                "worker_processes 1;",
                "pid " + d + "/nginx.pid;",
                "error_log " + d + "/error.log info;",
                "events { worker_connections 64; }",
                "http {",
                "  access_log " + d + "/access.log;",
                "  client_body_temp_path " + d + "/client_body;",
                "  proxy_temp_path " + d + "/proxy;",
                "  fastcgi_temp_path " + d + "/fastcgi;",
                "  uwsgi_temp_path " + d + "/uwsgi;",
                "  scgi_temp_path " + d + "/scgi;",
                "  types { text/plain txt; }",
                "  default_type application/octet-stream;",
                "  server {",
                "    listen 127.0.0.1:" + port + " ssl" + (options.http2() ? " http2" : "") + ";",
                "    server_name " + TestPki.HOST + ";",
                "    ssl_certificate " + d + "/chain.pem;",
                "    ssl_certificate_key " + d + "/key.pem;",
                "    ssl_protocols " + options.protocols() + ";",
                "    ssl_ecdh_curve " + options.curves() + ";",
                "    root " + d + "/www;",
                "  }",
                "}",
                "");
    }

    public int port() {
        return port;
    }

    /** nginx's error log and standard output, shown when a test fails. */
    public String output() {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            try {
                s.append(Files.readString(dir.resolve(name)));
            } catch (IOException e) {
                s.append("(no ").append(name).append(")\n");
            }
        }
        return s.toString();
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on port " + port + " within 10 s: " + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void writePem(Path file, Object... objects) throws IOException {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                pem.writeObject(o);
            }
        }
    }

    /** Ends nginx (SIGTERM, then SIGKILL after 5 s) and removes its directory. */
    @Override
    public void close() {
        stop();
        deleteFiles();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    private void deleteFiles() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }

    /** Whether the nginx process is still running (false after {@link #close()}). */
    public boolean isAlive() {
        return process.isAlive();
    }
}
