package navemu.navigator;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import navemu.api.NavigationException;
import navemu.api.NetError;

/**
 * A URL the browser can navigate to: http or https, a host, an optional explicit port, and the
 * request target (path and query; the fragment never leaves the browser).
 *
 * @param explicitPort the port written in the URL, or -1
 */
record TargetUrl(String scheme, String host, int explicitPort, String requestTarget) {

    static TargetUrl parse(String text) throws NavigationException {
        if (text == null || text.isBlank()) {
            throw new NavigationException(NetError.ERR_INVALID_URL, "no URL given");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new NavigationException(NetError.ERR_INVALID_URL, "not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new NavigationException(NetError.ERR_INVALID_URL,
                    "not an absolute URL: '" + text + "' (write https://" + text + ")");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new NavigationException(NetError.ERR_DISALLOWED_URL_SCHEME,
                    "scheme '" + scheme + "' is not supported: navemu navigates http:// and https:// URLs");
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getAuthority() != null && !uri.getAuthority().startsWith("[")) {
            // java.net.URI leaves the host null for non-ASCII (IDN) names: take it from the authority.
            String authority = uri.getAuthority().substring(uri.getAuthority().indexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new NavigationException(NetError.ERR_INVALID_URL, "invalid port in '" + text + "'");
                }
            }
        }
        if (host == null || host.isEmpty()) {
            throw new NavigationException(NetError.ERR_INVALID_URL, "URL has no host: '" + text + "'");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new NavigationException(NetError.ERR_INVALID_URL, "invalid host name '" + host + "': " + e.getMessage());
            }
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (port == 0 || port > 65535) {
            throw new NavigationException(NetError.ERR_INVALID_URL, "invalid port " + port);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new TargetUrl(scheme, host, port, path + query);
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

    /** The same URL with another scheme (an HSTS upgrade: port 80 becomes 443, RFC 6797 §8.3). */
    TargetUrl upgradedToHttps() {
        int port = explicitPort == 80 ? 443 : explicitPort;
        return new TargetUrl("https", host, port, requestTarget);
    }

    /** Resolves a Location header against this URL. */
    TargetUrl resolve(String location) throws NavigationException {
        try {
            URI base = new URI(toString());
            return parse(base.resolve(location.trim()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new NavigationException(NetError.ERR_INVALID_RESPONSE,
                    "redirect Location is not a valid URL: '" + location + "'");
        }
    }

    boolean hostIsIpLiteral() {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + (explicitPort > 0 ? ":" + explicitPort : "") + requestTarget;
    }
}
