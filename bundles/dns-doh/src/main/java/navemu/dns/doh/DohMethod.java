package navemu.dns.doh;

import java.util.Locale;

/** How a query travels (RFC 8484 §4.1): in a POST body, or base64url-encoded in a GET's {@code dns} parameter. */
enum DohMethod {
    POST, GET;

    static DohMethod fromWord(String word) {
        String w = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
        for (DohMethod method : values()) {
            if (method.name().equals(w)) {
                return method;
            }
        }
        throw new IllegalArgumentException("method must be post or get, not '" + word + "'");
    }
}
