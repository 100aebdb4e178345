package navemu.tls.browser.interop;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import navemu.tls.core.testing.TestPki;

/**
 * Starts {@link JsseServerMain} in a JVM of its own: the JDK's server, or Bouncy Castle 1.82's
 * (its jars copied to {@code target/bc-1.82-peer} by this module's pom, on no other class path).
 * The child's standard output goes to a file; closing ends it (its standard input closes, then
 * it is destroyed if it is still there after 5 s).
 */
final class JsseServerProcess implements InteropServer {
    private static final Path BOUNCY_CASTLE_JARS = Path.of("target", "bc-1.82-peer");

    private final Process process;
    private final Path dir;
    private final int port;

    private JsseServerProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * @param bouncyCastle Bouncy Castle 1.82's JSSE provider, else the JDK's
     * @param protocols    e.g. {@code TLSv1.3}
     * @param groups       IANA names, the server's order
     */
    static JsseServerProcess start(boolean bouncyCastle, TestPki pki, List<String> protocols, List<String> groups) throws Exception {
        Path dir = Files.createTempDirectory("navemu-jsse-server");
        Path keyStore = dir.resolve("server.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", pki.leafKeys.getPrivate(), JsseServerMain.PASSWORD.toCharArray(),
                new X509Certificate[] {pki.leaf, pki.root});
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            store.store(out, JsseServerMain.PASSWORD.toCharArray());
        }
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of(JsseServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        if (bouncyCastle) {
            try (Stream<Path> jars = Files.list(BOUNCY_CASTLE_JARS)) {
                jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> classPath.add(p.toAbsolutePath().toString()));
            }
            if (classPath.size() != 4) {
                throw new IllegalStateException("Bouncy Castle 1.82's three jars are not all in " + BOUNCY_CASTLE_JARS.toAbsolutePath());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("server.log");
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                String.join(File.pathSeparator, classPath), JsseServerMain.class.getName(),
                bouncyCastle ? "bc" : "jdk", keyStore.toString(), String.join(",", protocols), String.join(",", groups))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return new JsseServerProcess(process, dir, awaitListening(process, log));
        } catch (Exception e) {
            new JsseServerProcess(process, dir, 0).close();
            throw e;
        }
    }

    /** The port the child printed. A JVM start on a busy machine: the 60 s are generous, and bound only a failure. */
    private static int awaitListening(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("listening ")) {
                    return Integer.parseInt(line.split(" ")[1]);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the JSSE server exited: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the JSSE server did not listen within 60 s: " + Files.readString(log));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String output() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // its watchdog exits the JVM
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }
}
