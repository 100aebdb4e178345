package navemu.lab.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import navemu.lab.dns.LabDnsResponder;
import navemu.lab.dns.LabDnsResponder.Reply;
import navemu.lab.dns.LabDnsResponder.Transport;

/**
 * The lab's DNS-over-HTTPS endpoint (RFC 8484): {@code /dns-query} answers
 * {@code GET ?dns=<base64url, no padding>} (§4.1) and {@code POST} with an
 * {@code application/dns-message} body (§4.1) by handing the DNS message to the same
 * {@link LabDnsResponder} the UDP/TCP server uses, so the answers are the same, bad ones included.
 *
 * <p>The responder is given late: the zone names the lab's ports, so it is loaded after the
 * servers (this one included) are bound.
 */
public final class DohResponder {

    public static final String PATH = "/dns-query";
    /** RFC 8484 §6: the media type of a DNS message in either direction. */
    public static final String MEDIA_TYPE = "application/dns-message";

    private static final long READY_TIMEOUT_SECONDS = 10;

    private final CompletableFuture<LabDnsResponder> dns;

    public DohResponder(CompletableFuture<LabDnsResponder> dns) {
        this.dns = dns;
    }

    public HttpResponse respond(HttpRequest request) {
        if (!request.path().equals(PATH)) {
            return text(404, "The lab's DoH endpoint is " + PATH + ".\n");
        }
        byte[] query;
        switch (request.method()) {
            case "GET" -> {
                String encoded = request.queryParameter("dns").orElse(null);
                if (encoded == null || encoded.isEmpty()) {
                    return text(400, "GET " + PATH + " needs ?dns=<the DNS query in base64url> (RFC 8484 §4.1).\n");
                }
                if (encoded.contains("=") || encoded.contains("%3D") || encoded.contains("%3d")) {
                    return text(400, "the dns parameter must be base64url without padding (RFC 8484 §6).\n");
                }
                try {
                    query = Base64.getUrlDecoder().decode(encoded);
                } catch (IllegalArgumentException e) {
                    return text(400, "the dns parameter is not base64url: " + e.getMessage() + "\n");
                }
            }
            case "POST" -> {
                String type = request.header("content-type").orElse("");
                String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (!media.equals(MEDIA_TYPE)) {
                    return text(415, "POST " + PATH + " takes Content-Type: " + MEDIA_TYPE
                            + (type.isEmpty() ? " (none was given)" : ", not " + type) + " (RFC 8484 §4.1).\n");
                }
                query = request.body();
            }
            default -> {
                return text(405, "The DoH endpoint answers GET and POST (RFC 8484 §4.1).\n").withHeader("Allow: GET, POST");
            }
        }
        return answer(query);
    }

    private HttpResponse answer(byte[] query) {
        Message parsed;
        try {
            parsed = new Message(query);
        } catch (IOException e) {
            return text(400, "not a DNS message: " + e.getMessage() + "\n");
        }
        if (parsed.getHeader().getFlag(Flags.QR)) {
            return text(400, "a DNS response, not a query (QR is set).\n");
        }
        LabDnsResponder responder;
        try {
            responder = dns.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return text(503, "the lab's DNS zone is not loaded: " + e + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return text(503, "interrupted while waiting for the lab's DNS zone\n");
        }
        Reply reply = responder.reply(query, Transport.HTTPS);
        if (!reply.delay().isZero()) {
            try {
                Thread.sleep(reply.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return text(503, "the lab stopped while a slow answer waited\n");
            }
        }
        if (reply.httpStatus() != 200) {
            return text(reply.httpStatus(), "navemu lab: DoH answers " + reply.httpStatus() + " on purpose for this name (config/lab/dns-faults.conf)\n");
        }
        if (reply.bytes() == null) {
            return text(400, "the lab's DNS server does not answer this message\n");
        }
        List<String> headers = new ArrayList<>();
        headers.add("Server: navemu-lab");
        headers.add("Content-Type: " + MEDIA_TYPE);
        headers.add("Cache-Control: " + cacheControl(reply.bytes()));
        return new HttpResponse(200, headers, reply.bytes());
    }

    /**
     * RFC 8484 §5.1: the HTTP freshness lifetime must not exceed the smallest TTL of the
     * records in the answer (a negative answer carries the SOA, whose TTL RFC 2308 §5 applies).
     * An answer with no records, or one that cannot be read (malformed on purpose), is not stored.
     */
    static String cacheControl(byte[] answer) {
        Message message;
        try {
            message = new Message(answer);
        } catch (IOException e) {
            return "no-store";
        }
        long min = Long.MAX_VALUE;
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
            for (Record record : message.getSection(section)) {
                if (record.getType() != org.xbill.DNS.Type.OPT) {
                    min = Math.min(min, record.getTTL());
                }
            }
        }
        return min == Long.MAX_VALUE ? "no-store" : "max-age=" + min;
    }

    private static HttpResponse text(int status, String body) {
        return new HttpResponse(status, List.of("Server: navemu-lab", "Content-Type: text/plain; charset=utf-8", "Cache-Control: no-store"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
