package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's HTTP/2 responder, asked by an independent client: curl, whose HTTP/2 is nghttp2's
 * (frames, HPACK, flow control), offering h2 and http/1.1 in ALPN and checking the certificate
 * against the lab root only. (The JDK's HttpClient negotiates no ALPN when it connects to an IP
 * literal, and the lab's names are not in the system's DNS: curl's --resolve maps them.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http2SitesTest {

    /** Starts curl's -w line after the body. */
    private static final String MARK = "curl-says: ";

    private static LabWorld lab;
    private static Path root;

    @BeforeAll
    static void startLab(@TempDir Path dir) throws Exception {
        lab = LabFixture.shared();
        root = dir.resolve("lab-root.pem");
        Files.writeString(root, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(lab.rootCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    /** What curl printed: its -w line (the HTTP version and the status) first, then the body. */
    private static List<String> curl(String host, String path, String... more) throws IOException, InterruptedException {
        int port = lab.port(host);
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert", root.toString(),
                "--resolve", host + ":" + port + ":127.0.0.1", "-w", "\\n" + MARK + "%{http_version} %{http_code}", "-o", "-"));
        command.addAll(List.of(more));
        command.add("https://" + host + ":" + port + path);
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), out);
        int mark = out.lastIndexOf("\n" + MARK);
        assertTrue(mark >= 0, out.length() > 500 ? out.substring(0, 500) : out);
        return List.of(out.substring(mark + 1 + MARK.length()), out.substring(0, mark));
    }

    @Test
    void h2AnswersInHttp2WhenTheClientOffersIt() throws Exception {
        List<String> page = curl("h2.lab.test", "/", "--http2");
        assertEquals("2 200", page.get(0));
        assertTrue(page.get(1).contains("HTTP/2"), page.get(1));
        assertTrue(page.get(1).endsWith("</html>\n"), "the whole page: " + page.get(1));
        assertEquals("2 301", curl("h2.lab.test", "/moved", "--http2").get(0));
    }

    @Test
    void aPostBodyArrivesInDataFramesAndIsEchoed() throws Exception {
        String body = "x".repeat(100_000); // past the 65,535-octet default window: the responder must give credit back
        Path file = Files.writeString(root.resolveSibling("body.txt"), body);
        List<String> echo = curl("h2.lab.test", "/echo", "--http2", "--data-binary", "@" + file);
        assertEquals("2 200", echo.get(0));
        assertTrue(echo.get(1).startsWith("POST /echo HTTP/2\n"), echo.get(1).substring(0, 40));
        assertTrue(echo.get(1).endsWith(body), "the whole body came back");
    }

    @Test
    void h1SpeaksHttp11EvenWhenTheClientOffersH2() throws Exception {
        assertEquals("1.1 200", curl("h1.lab.test", "/", "--http2").get(0));
    }

    @Test
    void aHeadRequestGetsHeadersWithoutData() throws Exception {
        List<String> head = curl("h2.lab.test", "/", "--http2", "-I");
        assertEquals("2 200", head.get(0));
        assertTrue(head.get(1).contains("content-length: "), head.get(1));
    }
}
