package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.lab.LabSite;
import navemu.lab.ca.PemFile;
import navemu.lab.openssl.OpenSslTools;

/**
 * early.lab.test, served by {@code openssl s_server -early_data} as a child process of the lab,
 * checked with real clients: OpenSSL's own s_client sending 0-RTT, the JDK's client (no 0-RTT),
 * a silent peer, the child's end when the lab closes, and a machine without openssl.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EarlyDataSiteTest {

    private static final String HOST = "early.lab.test";
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: early.lab.test\r\nConnection: close\r\n\r\n";

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Path lab = Files.createDirectories(dir.resolve("config/lab"));
        Files.writeString(lab.resolve("sites.conf"), """
                [early.lab.test]
                purpose = 0-RTT by openssl s_server
                tls     = openssl
                """);
        Files.writeString(lab.resolve("lab.test.zone"), """
                $ORIGIN lab.test.
                $TTL 60
                @     IN SOA ns.lab.test. hostmaster.lab.test. ( 1 3600 600 86400 30 )
                @     IN NS  ns.lab.test.
                ns    IN A   127.0.0.1
                early IN A   127.0.0.1
                early IN HTTPS 1 . alpn=http/1.1 port={https-port:early.lab.test}
                """);
        return dir.resolve("config");
    }

    private static boolean opensslInstalled() {
        return OpenSslTools.find().isPresent();
    }

    @Test
    void openSslsClientResumesWithEarlyDataAndThePageSaysTheRequestArrivedAsEarlyData() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed");
        try (LabWorld lab = LabWorld.start(dir.resolve("home"), config())) {
            Path root = dir.resolve("root.pem");
            PemFile.writeCertificate(root, lab.rootCertificate());
            Path session = dir.resolve("session.pem");
            Path early = dir.resolve("request.txt");
            Files.writeString(early, REQUEST);

            String first = sClient(lab.port(HOST), root, List.of("-sess_out", session.toString()), REQUEST);
            assertTrue(first.contains("HTTP/1.1 200 OK"), first);
            assertTrue(first.contains("X-Lab-Early-Data: no early data offered"), first);
            assertTrue(first.contains("arrived after the handshake (1-RTT)"), first);
            assertTrue(first.contains("Verify return code: 0 (ok)"), "the lab CA's chain: " + first);

            String second = sClient(lab.port(HOST), root, List.of("-sess_in", session.toString(), "-early_data", early.toString()), null);
            assertTrue(second.contains("Reused, TLSv1.3"), second);
            assertTrue(second.contains("Early data was accepted"), "s_client's own view: " + second);
            assertTrue(second.contains("X-Lab-Early-Data: accepted"), "the server's view: " + second);
            assertTrue(second.contains("this request arrived as early data (0-RTT)"), second);
        }
    }

    @Test
    void theJdksClientGetsThePageAfterAFullHandshakeAndTheChildEndsWithTheLab() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed");
        long pid;
        try (LabWorld lab = LabWorld.start(dir.resolve("home"), config())) {
            assertTrue(lab.childProcess(HOST).isEmpty(), "s_server starts at the first connection");
            for (int connection = 0; connection < 2; connection++) {
                try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), HOST, lab.port(HOST))) {
                    assertEquals("TLSv1.3", socket.getSession().getProtocol());
                    HttpReply reply = HttpReply.get(socket.getInputStream(), socket.getOutputStream(), HOST, "/", true);
                    assertEquals(200, reply.status());
                    assertTrue(reply.body().contains("OpenSSL s_server"), reply.body());
                    assertTrue(reply.body().contains("after the handshake (1-RTT)"), reply.body());
                }
            }
            pid = lab.childProcess(HOST).orElseThrow();
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            LabSite site = lab.sites().get(0);
            assertEquals("openssl", site.server());
            assertEquals(null, site.expectedError());
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no s_server left after the lab closed");
    }

    @Test
    void aJvmThatExitsWithoutClosingTheLabLeavesNoSServer() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed");
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(javaBinary.toString(), "-cp", System.getProperty("java.class.path"),
                LabThatExitsWithoutClosing.class.getName(), dir.resolve("home").toString(), config().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("jvm.txt").toFile()).start();
        boolean ended = jvm.waitFor(60, TimeUnit.SECONDS);
        jvm.destroyForcibly();
        String output = Files.readString(dir.resolve("jvm.txt"));
        assertTrue(ended, output);
        assertEquals(0, jvm.exitValue(), output);
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("s_server pid (\\d+)").matcher(output);
        assertTrue(pid.find(), output);
        assertFalse(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false),
                "the shutdown hook ended s_server " + pid.group(1));
    }

    @Test
    void aSilentPeerIsDroppedAndTheNextConnectionIsServed() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed");
        try (LabWorld lab = LabWorld.start(dir.resolve("home"), config())) {
            try (Socket silent = new Socket()) {
                silent.connect(new InetSocketAddress(LabAddress.LOOPBACK, lab.port(HOST)));
                silent.setSoTimeout(30_000);
                // It sends nothing: the lab's read timeout ends it; s_server is then free again.
                assertEquals(-1, silent.getInputStream().read());
            }
            try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), HOST, lab.port(HOST))) {
                assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), HOST, "/", true).status());
            }
        }
    }

    @Test
    void withoutOpensslTheSiteSaysSoAndItsPortRefuses() throws Exception {
        String saved = System.getProperty(OpenSslTools.PATH_PROPERTY);
        System.setProperty(OpenSslTools.PATH_PROPERTY, dir.resolve("empty-path").toString());
        List<String> notices = new ArrayList<>();
        try (LabWorld lab = LabWorld.start(dir.resolve("home"), config(), java.time.Clock.systemUTC(), notices::add)) {
            LabSite site = lab.sites().get(0);
            assertTrue(site.purpose().startsWith("needs openssl; not running"), site.purpose());
            assertEquals("ERR_CONNECTION_REFUSED", site.expectedError());
            assertTrue(notices.contains("early.lab.test needs openssl; not running"), notices.toString());
            assertTrue(lab.port(HOST) > 0, "the port is the site's: DNS and the port map still name it");
            try (Socket socket = new Socket()) {
                Exception refused = org.junit.jupiter.api.Assertions.assertThrows(ConnectException.class,
                        () -> socket.connect(new InetSocketAddress(LabAddress.LOOPBACK, lab.port(HOST)), 5000));
                assertTrue(refused.getMessage().toLowerCase().contains("refused"), refused.getMessage());
            }
        } finally {
            if (saved == null) {
                System.clearProperty(OpenSslTools.PATH_PROPERTY);
            } else {
                System.setProperty(OpenSslTools.PATH_PROPERTY, saved);
            }
        }
    }

    /**
     * Runs {@code openssl s_client}, writes {@code request} (if any) on its input, and closes its
     * input once the whole response arrived: s_client then sends close_notify and exits.
     */
    private static String sClient(int port, Path root, List<String> more, String request) throws Exception {
        List<String> command = new ArrayList<>(List.of(OpenSslTools.find().orElseThrow().openssl().toString(), "s_client",
                "-connect", "127.0.0.1:" + port, "-servername", HOST, "-CAfile", root.toString(), "-alpn", "http/1.1"));
        command.addAll(more);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            OutputStream stdin = process.getOutputStream();
            if (request != null) {
                stdin.write(request.getBytes(StandardCharsets.US_ASCII));
                stdin.flush();
            }
            String output = readUntilPage(process.getInputStream());
            stdin.close();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "s_client ended: " + output);
            return output + new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readUntilPage(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (out.toString(StandardCharsets.ISO_8859_1).contains("</html>")) {
                break;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
