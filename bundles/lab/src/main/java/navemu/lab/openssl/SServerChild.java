package navemu.lab.openssl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import navemu.lab.ca.SiteCredential;

/**
 * One {@code openssl s_server -early_data} child process on 127.0.0.1 and a port of its own, with
 * the site's key and chain written (owner-only) to a directory of the lab's cache. It serves one
 * connection at a time, reads the response to send from its standard input and prints what it
 * received ({@link SServerTranscript}). {@link #stop()} kills it; so does a JVM shutdown hook, so
 * that navemu leaves no s_server behind when it exits without stopping the lab.
 */
public final class SServerChild {

    /** The most early data a ticket allows (RFC 8446 §4.6.1 max_early_data_size); a request fits. */
    static final int MAX_EARLY_DATA = 16384;
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final int STDERR_TAIL = 2048;
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final SServerTranscript transcript;
    private final OutputStream stdin;
    private final StderrTail stderr;
    private final Thread shutdownHook;

    private SServerChild(Process process, int port, TimedInput stdout, StderrTail stderr) {
        this.process = process;
        this.port = port;
        this.transcript = new SServerTranscript(stdout);
        this.stdin = process.getOutputStream();
        this.stderr = stderr;
        this.shutdownHook = new Thread(this::kill, "navemu-lab openssl s_server killer");
    }

    /**
     * Writes the credential into {@code directory} and starts s_server, waiting (at most 10 s) until
     * it listens.
     */
    public static SServerChild start(OpenSslTools tools, SiteCredential credential, Path directory) throws IOException {
        Path key = directory.resolve("key.pem");
        Path leaf = directory.resolve("leaf.pem");
        Path chain = directory.resolve("chain.pem");
        writeOwnerOnly(directory, key, pem(new JcaPKCS8Generator(credential.key(), null)));
        writeOwnerOnly(directory, leaf, pem(credential.leaf()));
        List<Object> intermediates = new ArrayList<>(credential.chain().subList(1, credential.chain().size()));
        writeOwnerOnly(directory, chain, pem(intermediates.toArray()));
        IOException last = null;
        // The port is found free, then given to s_server: another program may take it in between,
        // and then s_server exits at once; another port is tried.
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            List<String> command = List.of(tools.stdbuf().toString(), "-oL", tools.openssl().toString(), "s_server",
                    "-accept", "127.0.0.1:" + port, "-cert", leaf.toString(), "-key", key.toString(),
                    "-cert_chain", chain.toString(), "-tls1_3", "-alpn", "http/1.1",
                    "-early_data", "-max_early_data", String.valueOf(MAX_EARLY_DATA));
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            SServerChild child = new SServerChild(process,
                    port, new TimedInput(process.getInputStream(), "navemu-lab openssl s_server stdout"),
                    new StderrTail(process.getErrorStream()));
            Runtime.getRuntime().addShutdownHook(child.shutdownHook);
            try {
                child.transcript.awaitListening(LISTEN_TIMEOUT);
                return child;
            } catch (IOException e) {
                child.stop();
                last = new IOException("openssl s_server did not start: " + e.getMessage() + child.stderr.said(), e);
            }
        }
        throw last;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    SServerTranscript transcript() {
        return transcript;
    }

    /**
     * Gives s_server bytes to send on the current connection. They go in one write: s_server reads
     * its input in chunks and takes a chunk starting with 'q' or 'Q' as a command, so a response
     * must reach it whole (a pipe write up to 4096 bytes is atomic, POSIX PIPE_BUF).
     */
    void send(byte[] bytes) throws IOException {
        if (bytes.length > 4096) {
            throw new IOException("a response over 4096 bytes could reach openssl s_server in pieces");
        }
        stdin.write(bytes);
        stdin.flush();
    }

    /** What s_server last wrote on its standard error, for messages ("" when nothing). */
    String said() {
        return stderr.said();
    }

    /** Kills the process (TERM, then KILL after 2 s) and waits for it. */
    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills the process too
        }
        kill();
    }

    private void kill() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String pem(Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof JcaPKCS8Generator key) {
                    writer.writeObject(key);
                } else {
                    writer.writeObject(object);
                }
            }
        }
        return text.toString();
    }

    private static void writeOwnerOnly(Path directory, Path file, String text) throws IOException {
        Files.createDirectories(directory);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** Keeps the last bytes s_server wrote on its standard error, read by a daemon thread. */
    private static final class StderrTail {
        private final ByteArrayOutputStream tail = new ByteArrayOutputStream();

        StderrTail(InputStream stderr) {
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[1024];
                try (stderr) {
                    int n;
                    while ((n = stderr.read(buffer)) > 0) {
                        keep(buffer, n);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "navemu-lab openssl s_server stderr");
            reader.setDaemon(true);
            reader.start();
        }

        private synchronized void keep(byte[] buffer, int n) {
            if (tail.size() + n > STDERR_TAIL) {
                byte[] kept = tail.toByteArray();
                tail.reset();
                int from = Math.max(0, kept.length + n - STDERR_TAIL);
                if (from < kept.length) {
                    tail.write(kept, from, kept.length - from);
                }
            }
            tail.write(buffer, Math.max(0, n - STDERR_TAIL), Math.min(n, STDERR_TAIL));
        }

        synchronized String said() {
            String text = tail.toString(StandardCharsets.ISO_8859_1).strip();
            return text.isEmpty() ? "" : " (openssl said: " + text.lines().reduce((first, next) -> next).orElse(text) + ")";
        }
    }
}
