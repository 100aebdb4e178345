package navemu.navigator;

import java.net.URI;
import java.net.URISyntaxException;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.AddressLiteral;
import navemu.api.url.WebUrl;

/**
 * A URL the browser can navigate to: http or https, a host, an optional explicit port, and the
 * request target (path and query; the fragment never leaves the browser).
 *
 * @param explicitPort the port written in the URL, or -1
 */
record TargetUrl(String scheme, String host, int explicitPort, String requestTarget) {

    /** Parses what the user typed (or a redirect target) as a browser does: {@link WebUrl}. */
    static TargetUrl parse(String text) throws NavigationException {
        return of(WebUrl.parse(text));
    }

    static TargetUrl of(WebUrl url) {
        // Certificates, HSTS and SNI ignore a trailing dot; navemu navigates to the name without it.
        return new TargetUrl(url.scheme(), url.host().withoutTrailingDot(), url.port(), url.pathAndQuery());
    }

    boolean secure() {
        return scheme.equals("https");
    }

    int defaultPort() {
        return secure() ? 443 : 80;
    }

    /** The Host header: the host, with the port only when the URL names a non-default one. */
    String hostHeader() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return explicitPort > 0 && explicitPort != defaultPort() ? h + ":" + explicitPort : h;
    }

    /**
     * The same URL with another scheme (an HSTS upgrade: port 80 becomes 443, RFC 6797 §8.3, which
     * is https's default and so is not written, as in the browser's address bar).
     */
    TargetUrl upgradedToHttps() {
        int port = explicitPort == 80 || explicitPort == 443 ? -1 : explicitPort;
        return new TargetUrl("https", host, port, requestTarget);
    }

    /** Resolves a Location header against this URL. */
    TargetUrl resolve(String location) throws NavigationException {
        String target = location.strip();
        if (target.startsWith("//")) {
            return parse(scheme + ":" + target); // scheme-relative
        }
        if (target.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return parse(target); // absolute: the host parser sees it as typed (java.net.URI knows no IDNA)
        }
        try {
            URI base = new URI(toString());
            return parse(base.resolve(location.trim()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new NavigationException(NetError.ERR_INVALID_RESPONSE,
                    "redirect Location is not a valid URL: '" + location + "'");
        }
    }

    /** The same answer as the DNS slot's: {@code 1.2.3} is an address, {@code 1.2.3.example} a name. */
    boolean hostIsIpLiteral() {
        return AddressLiteral.parse(host).isPresent();
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + (explicitPort > 0 ? ":" + explicitPort : "") + requestTarget;
    }
}
