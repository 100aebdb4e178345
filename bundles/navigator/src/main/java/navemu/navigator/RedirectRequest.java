package navemu.navigator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import navemu.api.nav.RequestOptions;
import navemu.api.result.Header;

/**
 * The request a redirect's next hop sends, by the Fetch standard's "HTTP-redirect fetch" (§4.4),
 * which Chromium follows (net/url_request/redirect_info.cc, redirect_util.cc):
 * <ul>
 *   <li>301 or 302 after a POST, and 303 after anything but GET or HEAD: the method becomes GET,
 *       the body is dropped and so are the fields that described it (Content-Type,
 *       Content-Encoding, Content-Language, Content-Location);</li>
 *   <li>307 and 308 keep the method and the body;</li>
 *   <li>to another origin, the Authorization field is not sent on.</li>
 * </ul>
 *
 * @param options what the next hop sends
 * @param note    what changed and why, for the trace; null when nothing did
 */
record RedirectRequest(RequestOptions options, String note) {

    /** Fetch's request-body-header names: they describe the body, so they go with it. */
    private static final List<String> BODY_FIELDS = List.of("Content-Type", "Content-Encoding", "Content-Language",
            "Content-Location");

    static RedirectRequest after(RequestOptions sent, int status, TargetUrl from, TargetUrl to) {
        List<String> changes = new ArrayList<>();
        RequestOptions next = sent;
        boolean toGet = ((status == 301 || status == 302) && sent.method().equals("POST"))
                || (status == 303 && !sent.method().equals("GET") && !sent.method().equals("HEAD"));
        if (toGet) {
            next = new RequestOptions("GET", without(sent.headers(), BODY_FIELDS), new byte[0]);
            changes.add(sent.method() + " becomes GET" + (sent.hasBody() ? " and the body is dropped" : "")
                    + " (" + status + ", as browsers do: Fetch §4.4)");
        }
        if (!sameOrigin(from, to) && next.header("Authorization") != null) {
            next = new RequestOptions(next.method(), without(next.headers(), List.of("Authorization")), next.body());
            changes.add("Authorization is not sent to another origin (Fetch §4.4)");
        }
        return new RedirectRequest(next, changes.isEmpty() ? null : String.join("; ", changes));
    }

    private static List<Header> without(List<Header> fields, List<String> names) {
        List<Header> kept = new ArrayList<>();
        for (Header field : fields) {
            if (names.stream().noneMatch(name -> name.equalsIgnoreCase(field.name))) {
                kept.add(field);
            }
        }
        return kept;
    }

    private static boolean sameOrigin(TargetUrl a, TargetUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().toLowerCase(Locale.ROOT).equals(b.host().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(TargetUrl url) {
        return url.explicitPort() > 0 ? url.explicitPort() : url.defaultPort();
    }
}
