package navemu.hostile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.TestPki;

/**
 * {@code openssl s_server -WWW}: serves a file from its directory, so every answer is the same
 * bytes. s_server handles one connection at a time, so several processes share the load, each
 * lent to one connection at a time (a connection the fuzzer stalls holds up only its own process).
 */
final class OpenSslWwwServer implements FuzzServer {
    private static final String PAGE = "hostile suite: openssl's page, byte for byte\n";

    private final String name;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final BlockingQueue<Integer> free = new LinkedBlockingQueue<>();

    /** The openssl binary, or null when it is not installed. */
    static String binary() {
        return OpenSslServer.binary();
    }

    /**
     * @param protocol {@code -tls1_3} or {@code -tls1_2}
     * @param cipher   a TLS 1.2 cipher list (-cipher), or null
     */
    OpenSslWwwServer(String name, TestPki pki, String protocol, String cipher, int processCount) throws Exception {
        this.name = name;
        this.dir = Files.createTempDirectory("navemu-hostile-openssl");
        Files.writeString(dir.resolve("page.html"), PAGE);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path chain = dir.resolve("chain.pem");
        writePem(cert, pki.leaf);
        writePem(chain, pki.root);
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pki.leafKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try {
            for (int i = 0; i < processCount; i++) {
                int port = freePort();
                List<String> cmd = new ArrayList<>(List.of(binary(), "s_server", protocol, "-accept", "127.0.0.1:" + port,
                        "-cert", cert.toString(), "-key", key.toString(), "-cert_chain", chain.toString(),
                        "-alpn", "http/1.1", "-WWW", "-quiet", "-no_ticket"));
                if (cipher != null) {
                    cmd.addAll(List.of("-cipher", cipher));
                }
                processes.add(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("s_server-" + i + ".log").toFile()).start());
                ports.add(port);
            }
            for (int port : ports) {
                awaitListening(port);
            }
            free.addAll(ports);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() throws InterruptedException {
        return free.take();
    }

    @Override
    public void release(int port) {
        free.add(port);
    }

    @Override
    public byte[] request() {
        return "GET /page.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] expectedResponse() {
        return ("HTTP/1.0 200 ok\r\nContent-type: text/html\r\n\r\n" + PAGE).getBytes(StandardCharsets.US_ASCII);
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("openssl s_server did not listen on port " + port + " within 10 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void writePem(Path file, Object o) throws IOException {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
            dir.toFile().delete();
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }
}
