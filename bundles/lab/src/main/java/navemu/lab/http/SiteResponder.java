package navemu.lab.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import navemu.lab.site.HttpBehaviour;

/** Decides the response of one site on one scheme, from its {@link HttpBehaviour}. */
public final class SiteResponder {

    private static final String LOOP_PREFIX = "/loop/";
    /** Every page site answers any method here with what it received: the request line, the fields, the body. */
    static final String ECHO = "/echo";
    /** {@code /echo/redirect/307} answers 307 to {@code /echo}: to see what a redirect does to a POST. */
    private static final String ECHO_REDIRECT = "/echo/redirect/";

    private final String host;
    private final String scheme;
    private final String purpose;
    private final HttpBehaviour behaviour;
    private final Set<String> pages = new HashSet<>();
    private final DohResponder doh;

    public SiteResponder(String host, String scheme, String purpose, HttpBehaviour behaviour) {
        this(host, scheme, purpose, behaviour, null);
    }

    /** @param doh answers for a site whose behaviour is {@link HttpBehaviour.Mode#DOH}; may be null for others */
    public SiteResponder(String host, String scheme, String purpose, HttpBehaviour behaviour, DohResponder doh) {
        if (behaviour.mode() == HttpBehaviour.Mode.DOH && doh == null) {
            throw new IllegalArgumentException(host + " is a DoH endpoint but no DNS responder was given");
        }
        this.doh = doh;
        this.host = host;
        this.scheme = scheme;
        this.purpose = purpose;
        this.behaviour = behaviour;
        pages.add("/");
        // The end of a redirect chain is a page of this site.
        behaviour.redirects().values().stream()
                .map(HttpBehaviour.Redirect::location)
                .filter(location -> location.startsWith("/"))
                .filter(location -> !behaviour.redirects().containsKey(location))
                .forEach(pages::add);
    }

    /** @param connection how the request arrived, shown on the page, e.g. {@code TLSv1.3 TLS_AES_128_GCM_SHA256} */
    public HttpResponse respond(HttpRequest request, String connection) {
        HttpResponse response = decide(request, connection);
        for (String header : behaviour.headers()) {
            response = response.withHeader(header);
        }
        return response;
    }

    private HttpResponse decide(HttpRequest request, String connection) {
        if (behaviour.mode() == HttpBehaviour.Mode.DOH) {
            return doh.respond(request);
        }
        String path = request.path();
        if (behaviour.mode() == HttpBehaviour.Mode.PAGE && path.equals(ECHO)) {
            return echo(request);
        }
        if (behaviour.mode() == HttpBehaviour.Mode.PAGE && path.startsWith(ECHO_REDIRECT)) {
            String status = path.substring(ECHO_REDIRECT.length());
            if (List.of("301", "302", "303", "307", "308").contains(status)) {
                return redirect(Integer.parseInt(status), ECHO);
            }
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return text(405, "The lab's origins answer GET and HEAD only (and any method at /echo).\n")
                    .withHeader("Allow: GET, HEAD");
        }
        switch (behaviour.mode()) {
            case REDIRECT_TO_HTTPS:
                return redirect(301, "https://" + host + request.target());
            case LOOP:
                int next = path.startsWith(LOOP_PREFIX) ? loopStep(path) + 1 : 1;
                return redirect(302, LOOP_PREFIX + next);
            case PAGE:
            default:
                HttpBehaviour.Redirect redirect = behaviour.redirects().get(path);
                if (redirect != null) {
                    return redirect(redirect.status(), redirect.location());
                }
                if (pages.contains(path)) {
                    return page(path, connection);
                }
                return text(404, "No page " + path + " on " + host + ".\n");
        }
    }

    private static int loopStep(String path) {
        try {
            return Integer.parseInt(path.substring(LOOP_PREFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private HttpResponse page(String path, String connection) {
        String html = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + host + "</title></head>\n"
                + "<body><h1>" + host + "</h1>\n"
                + "<p>navemu lab site: " + escape(purpose) + "</p>\n"
                + "<p>You asked for " + escape(scheme + "://" + host + path) + " over " + escape(connection) + ".</p>\n"
                + "</body></html>\n";
        return new HttpResponse(200, headers("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8));
    }

    /** The request as the lab read it: request line, fields (names in lower case, as the reader keeps them), body. */
    private static HttpResponse echo(HttpRequest request) {
        StringBuilder text = new StringBuilder();
        text.append(request.method()).append(' ').append(request.target()).append(' ').append(request.version()).append('\n');
        request.headers().forEach((name, values) -> values.forEach(value -> text.append(name).append(": ").append(value).append('\n')));
        text.append('\n');
        byte[] head = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[head.length + request.body().length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(request.body(), 0, body, head.length, request.body().length);
        return new HttpResponse(200, headers("text/plain; charset=utf-8"), body);
    }

    private HttpResponse redirect(int status, String location) {
        return text(status, "Moved to " + location + "\n").withHeader("Location: " + location);
    }

    private static HttpResponse text(int status, String body) {
        return new HttpResponse(status, headers("text/plain; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> headers(String contentType) {
        List<String> headers = new ArrayList<>();
        headers.add("Server: navemu-lab");
        headers.add("Content-Type: " + contentType);
        headers.add("Cache-Control: no-store");
        return headers;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
