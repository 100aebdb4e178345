package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The lab's DNS-over-HTTPS endpoint (RFC 8484), asked by the JDK's HttpClient over real TLS with
 * the lab root as the only anchor: it connects to 127.0.0.1 and names doh.lab.test in SNI, which the
 * JDK then also checks the certificate against (the host name is not in the system's DNS).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DohEndpointTest {

    private static LabWorld lab;
    private static HttpClient client;
    private static URI endpoint;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.shared();
        SSLParameters parameters = new SSLParameters();
        parameters.setServerNames(List.of(new SNIHostName("doh.lab.test")));
        client = HttpClient.newBuilder().sslContext(LabFixture.trusting(lab.rootCertificate()))
                .sslParameters(parameters).connectTimeout(Duration.ofSeconds(5)).build();
        endpoint = URI.create("https://127.0.0.1:" + lab.dohAddress().orElseThrow().getPort() + "/dns-query");
    }

    private static byte[] query(String name, int type) throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        query.getHeader().setID(0); // RFC 8484 §4.1: ID 0 for cache friendliness
        return query.toWire();
    }

    private static HttpResponse<byte[]> post(byte[] body, String contentType) throws Exception {
        return client.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).header("Accept", "application/dns-message")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String dnsParameter) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(endpoint + "?dns=" + dnsParameter)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/dns-message").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theWorldNamesItsDohUrlWithThePortOfTheDohSite() {
        URI url = lab.dohUrl().orElseThrow();
        assertEquals("doh.lab.test", url.getHost());
        assertEquals(lab.port("doh.lab.test"), url.getPort());
        assertEquals("/dns-query", url.getPath());
    }

    @Test
    void postAnswersWhatTheUdpServerAnswersWithTheMinimumTtlAsMaxAge() throws Exception {
        HttpResponse<byte[]> response = post(query("www.lab.test.", Type.HTTPS), "application/dns-message");
        assertEquals(200, response.statusCode());
        assertEquals("application/dns-message", response.headers().firstValue("Content-Type").orElseThrow());
        Message overHttps = new Message(response.body());
        SimpleResolver udp = new SimpleResolver(lab.dnsAddress());
        udp.setTimeout(Duration.ofSeconds(5));
        Message overUdp = udp.send(Message.newQuery(Record.newRecord(Name.fromString("www.lab.test."), Type.HTTPS, DClass.IN)));
        assertEquals(overUdp.getSection(Section.ANSWER), overHttps.getSection(Section.ANSWER));
        long ttl = overHttps.getSection(Section.ANSWER).get(0).getTTL();
        assertEquals("max-age=" + ttl, response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void getTakesTheQueryInBase64UrlWithoutPadding() throws Exception {
        byte[] wire = query("www.lab.test.", Type.A);
        HttpResponse<byte[]> response = get(Base64.getUrlEncoder().withoutPadding().encodeToString(wire));
        assertEquals(200, response.statusCode());
        Message answer = new Message(response.body());
        assertEquals(0, answer.getHeader().getID());
        assertEquals("127.0.0.1", answer.getSection(Section.ANSWER).get(0).rdataToString());
        assertArrayEquals(post(wire, "application/dns-message").body(), response.body(), "GET and POST answer alike");
    }

    @Test
    void nxdomainIsA200WithRcode3AndTheNegativeTtl() throws Exception {
        HttpResponse<byte[]> response = post(query("nosuch.lab.test.", Type.A), "application/dns-message");
        assertEquals(200, response.statusCode(), "RFC 8484 §4.2.1: a DNS error is still a successful HTTP exchange");
        Message answer = new Message(response.body());
        assertEquals(Rcode.NXDOMAIN, answer.getRcode());
        assertEquals("max-age=" + answer.getSection(Section.AUTHORITY).get(0).getTTL(),
                response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void badRequestsGet400Or415Or405() throws Exception {
        assertEquals(415, post(query("www.lab.test.", Type.A), "text/plain").statusCode());
        assertEquals(400, post(new byte[] {1, 2, 3}, "application/dns-message").statusCode(), "not a DNS message");
        assertEquals(400, get("").statusCode(), "no dns parameter value");
        assertEquals(400, get("!!!").statusCode(), "not base64url");
        String padded = Base64.getUrlEncoder().encodeToString(query("ns.lab.test.", Type.A)); // 29 bytes: one "="
        assertTrue(padded.endsWith("="), padded);
        assertEquals(400, get(padded).statusCode(), "padding is not allowed (RFC 8484 §6)");
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        HttpResponse<String> elsewhere = client.send(HttpRequest.newBuilder(endpoint.resolve("/other")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, elsewhere.statusCode());
    }

    @Test
    void theFaultsApplyOverHttpsToo() throws Exception {
        assertEquals(503, post(query("http-error.bad.lab.test.", Type.A), "application/dns-message").statusCode());
        assertEquals(Rcode.SERVFAIL, new Message(post(query("servfail.bad.lab.test.", Type.A), "application/dns-message").body()).getRcode());
        HttpResponse<byte[]> truncated = post(query("truncated.bad.lab.test.", Type.A), "application/dns-message");
        assertEquals(4, new Message(truncated.body()).getSection(Section.ANSWER).size(), "no TC over HTTPS: the full answer");
        HttpResponse<byte[]> malformed = post(query("malformed.bad.lab.test.", Type.A), "application/dns-message");
        assertEquals(200, malformed.statusCode());
        assertEquals("no-store", malformed.headers().firstValue("Cache-Control").orElseThrow());
    }
}
