package navemu.dns.doh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

import org.xbill.DNS.Message;

/**
 * Sends DNS messages over HTTPS (RFC 8484 §4) with the JDK's HttpClient, HTTP/1.1.
 *
 * <p>When navemu found the server's address itself ({@link DohEndpoint#connectTo()}, the lab),
 * the request goes to that IP literal and the TLS server name (SNI) is set to the DoH host, which
 * the JDK then also checks the certificate against: the JDK's client cannot be told to resolve a
 * name through anything but the system's resolver, where {@code doh.lab.test} does not exist. The
 * Host header then carries the IP; the lab's endpoint does not look at it.
 */
final class DohTransport {

    static final String MEDIA_TYPE = "application/dns-message";

    private final Duration timeout;
    private final Executor executor;
    /** One client per (anchors, server name): SNI and trust are client-wide settings of HttpClient. */
    private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();

    private record ClientKey(List<X509Certificate> anchors, String serverName) {
    }

    DohTransport(Duration timeout, Executor executor) {
        this.timeout = timeout;
        this.executor = executor;
    }

    DohExchange exchange(DohEndpoint endpoint, DohMethod method, Message query, List<X509Certificate> anchors) {
        // RFC 8484 §4.1: "DoH clients SHOULD use a DNS ID of 0 in every DNS request" (HTTP caches key on the URL).
        query.getHeader().setID(0);
        byte[] wire = query.toWire();
        URI url = endpoint.requestUrl();
        long start = System.nanoTime();
        HttpClient client;
        try {
            client = client(anchors, endpoint);
        } catch (GeneralSecurityException e) {
            return new DohExchange(method, url, wire.length, -1, null, "cannot set up TLS: " + e.getMessage(), null, 0);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout).header("Accept", MEDIA_TYPE);
        if (method == DohMethod.POST) {
            request.uri(url).header("Content-Type", MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(wire));
        } else {
            // RFC 8484 §6: base64url without padding.
            url = URI.create(url + "?dns=" + Base64.getUrlEncoder().withoutPadding().encodeToString(wire));
            request.uri(url).GET();
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return failed(method, url, wire, -1, "no response within " + timeout.toMillis() + " ms", start);
        } catch (IOException e) {
            return failed(method, url, wire, -1, "HTTPS exchange failed: " + e, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(method, url, wire, -1, "interrupted", start);
        }
        int status = response.statusCode();
        String cacheControl = response.headers().firstValue("Cache-Control").orElse(null);
        if (status != 200) {
            return failed(method, url, wire, status, "the DoH server answered HTTP " + status, start);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE)) {
            return failed(method, url, wire, status, "the response is " + (type.isEmpty() ? "untyped" : type)
                    + ", not " + MEDIA_TYPE + " (RFC 8484 §4.2.1)", start);
        }
        Message answer;
        try {
            answer = new Message(response.body());
        } catch (IOException e) {
            return failed(method, url, wire, status, "malformed DNS message in the response (" + response.body().length
                    + " bytes): " + e.getMessage(), start);
        }
        if (!answer.getHeader().getFlag(org.xbill.DNS.Flags.QR) || !sameQuestion(query, answer)) {
            return failed(method, url, wire, status, "the response does not answer the question asked", start);
        }
        return new DohExchange(method, url, wire.length, status, answer, null, cacheControl, elapsed(start));
    }

    private static boolean sameQuestion(Message query, Message answer) {
        return answer.getQuestion() != null && answer.getQuestion().getName().equals(query.getQuestion().getName())
                && answer.getQuestion().getType() == query.getQuestion().getType();
    }

    private HttpClient client(List<X509Certificate> anchors, DohEndpoint endpoint) throws GeneralSecurityException {
        ClientKey key = new ClientKey(List.copyOf(anchors), endpoint.serverName());
        HttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        SSLParameters parameters = new SSLParameters();
        if (endpoint.connectTo() != null) {
            parameters.setServerNames(List.of(new SNIHostName(endpoint.serverName())));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(AnchorTrust.context(anchors)).sslParameters(parameters)
                .connectTimeout(timeout).executor(executor).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpClient raced = clients.putIfAbsent(key, client);
        return raced != null ? raced : client;
    }

    private static DohExchange failed(DohMethod method, URI url, byte[] wire, int status, String why, long start) {
        return new DohExchange(method, url, wire.length, status, null, why, null, elapsed(start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
