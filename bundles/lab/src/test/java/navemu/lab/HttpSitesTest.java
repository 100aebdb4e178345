package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 6's sites: plain HTTP, HSTS headers and redirect chains, read by a test's own HTTP client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpSitesTest {

    private static LabWorld lab;
    private static SSLContext tls;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.shared();
        tls = LabFixture.trusting(lab.rootCertificate());
    }

    private static HttpReply plainGet(String host, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", lab.httpPort(host))) {
            socket.setSoTimeout(5000);
            return HttpReply.get(socket.getInputStream(), socket.getOutputStream(), host, path, true);
        }
    }

    private static HttpReply httpsGet(String host, String path) throws Exception {
        try (SSLSocket socket = LabFixture.handshake(tls, host, lab.port(host))) {
            return HttpReply.get(socket.getInputStream(), socket.getOutputStream(), host, path, true);
        }
    }

    @Test
    void httpLabTestRedirectsPlainHttpToHttpsWhichServesThePage() throws Exception {
        HttpReply plain = plainGet("http.lab.test", "/");
        assertEquals(301, plain.status());
        assertEquals("https://http.lab.test/", plain.header("Location").orElseThrow());
        assertEquals(200, httpsGet("http.lab.test", "/").status());
    }

    @Test
    void theRedirectToHttpsKeepsThePathAndQuery() throws Exception {
        assertEquals("https://http.lab.test/some/page?x=1", plainGet("http.lab.test", "/some/page?x=1").header("Location").orElseThrow());
    }

    @Test
    void hstsLabTestSendsTheHeaderOverHttpsAndADifferentOneOverPlainHttp() throws Exception {
        HttpReply secure = httpsGet("hsts.lab.test", "/");
        assertEquals(200, secure.status());
        assertEquals("max-age=31536000; includeSubDomains", secure.header("Strict-Transport-Security").orElseThrow());

        HttpReply plain = plainGet("hsts.lab.test", "/");
        assertEquals(301, plain.status());
        assertEquals("https://hsts.lab.test/", plain.header("Location").orElseThrow());
        String ignored = plain.header("Strict-Transport-Security").orElseThrow();
        assertFalse(ignored.equals(secure.header("Strict-Transport-Security").orElseThrow()),
                "the plain-HTTP header differs, so a client that wrongly takes it can be caught (RFC 6797 §8.1)");
    }

    @Test
    void redirectLabTestChainsFiveRedirectsOfEveryStatusToAPage() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        String path = "/";
        HttpReply reply = httpsGet("redirect.lab.test", path);
        while (reply.status() / 100 == 3) {
            statuses.add(reply.status());
            path = reply.header("Location").orElseThrow();
            reply = httpsGet("redirect.lab.test", path);
        }
        assertEquals(List.of(301, 302, 303, 307, 308), statuses);
        assertEquals("/final", path);
        assertEquals(200, reply.status());
    }

    @Test
    void loopLabTestNeverStopsRedirecting() throws Exception {
        String path = "/";
        for (int hop = 1; hop <= 25; hop++) {
            HttpReply reply = httpsGet("loop.lab.test", path);
            assertEquals(302, reply.status(), "hop " + hop);
            path = reply.header("Location").orElseThrow();
            assertEquals("/loop/" + hop, path);
        }
    }

    @Test
    void onlyHttpsSitesWhosePlainHttpIsUnderTestListenOnHttp() {
        assertTrue(lab.portFor("redirect.lab.test", "http").isEmpty());
        assertTrue(lab.portFor("hsts.lab.test", "http").isPresent());
        assertTrue(lab.portFor("www.lab.test", "http").isPresent());
    }

    @Test
    void headIsAnsweredWithoutABodyAndPostIs405() throws Exception {
        try (SSLSocket socket = LabFixture.handshake(tls, "www.lab.test", lab.port("www.lab.test"))) {
            var out = socket.getOutputStream();
            out.write("POST / HTTP/1.1\r\nHost: www.lab.test\r\nContent-Length: 3\r\n\r\nabc".getBytes());
            HttpReply post = HttpReply.read(socket.getInputStream());
            assertEquals(405, post.status());
            assertEquals("GET, HEAD", post.header("Allow").orElseThrow());
            out.write("HEAD / HTTP/1.1\r\nHost: www.lab.test\r\nConnection: close\r\n\r\n".getBytes());
            out.flush();
            String head = new String(socket.getInputStream().readAllBytes());
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertTrue(head.endsWith("\r\n\r\n"), "no body after the header: " + head);
        }
    }

    @Test
    void aRequestWithoutHostIs400AndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", lab.httpPort("http.lab.test"))) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            HttpReply reply = HttpReply.read(socket.getInputStream());
            assertEquals(400, reply.status());
            assertTrue(reply.body().contains("Host"), reply.body());
            assertEquals(-1, socket.getInputStream().read());
        }
    }
}
