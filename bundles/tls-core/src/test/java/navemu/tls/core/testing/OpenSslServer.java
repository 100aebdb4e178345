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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * {@code openssl s_server -tls1_2|-tls1_3 -www} as a child process on a free loopback port. Its output
 * goes to a file, shown when a test fails.
 */
public final class OpenSslServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;
    public final Path log;

    private OpenSslServer(Process process, int port, Path dir, Path log) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.log = log;
    }

    /** The openssl binary, or null when it is not installed. */
    public static String binary() {
        for (String candidate : new String[] {"/usr/bin/openssl", "/usr/local/bin/openssl"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                File f = new File(d, "openssl");
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    /**
     * @param ciphersuite an OpenSSL TLS 1.2 cipher list (-cipher), or null
     * @param groups      OpenSSL group list, e.g. {@code X25519} or {@code P-256}
     * @param extraArgs   more s_server arguments
     */
    public static OpenSslServer start(String protocol, TestPki pki, String ciphersuite, String groups, String... extraArgs) throws Exception {
        Path dir = Files.createTempDirectory("navemu-openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path chain = dir.resolve("chain.pem");
        writePem(cert, pki.leaf);
        // PKCS#8 as the JDK encodes it: OpenSSL 3 reads that for RSA and EC alike.
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pki.leafKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        writePem(chain, pki.root);
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(binary(), "s_server", protocol, "-accept", "127.0.0.1:" + port,
                "-cert", cert.toString(), "-key", key.toString(), "-cert_chain", chain.toString(),
                "-alpn", "http/1.1"));
        // -www answers with a status page; without it (early data tests) s_server just reads,
        // as OpenSSL refuses -early_data together with -www.
        if (!List.of(extraArgs).contains("-early_data")) {
            cmd.addAll(List.of("-www", "-quiet"));
        }
        if (ciphersuite != null) {
            cmd.addAll(List.of(protocol.equals("-tls1_3") ? "-ciphersuites" : "-cipher", ciphersuite));
        }
        if (groups != null) {
            cmd.addAll(List.of("-groups", groups));
        }
        cmd.addAll(List.of(extraArgs));
        Path log = dir.resolve("s_server.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OpenSslServer server = new OpenSslServer(p, port, dir, log);
        server.awaitListening();
        return server;
    }

    public int port() {
        return port;
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("openssl s_server exited: " + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("openssl s_server did not listen on port " + port + " within 10 s: " + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
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
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
            dir.toFile().delete();
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }
}
