package navemu.lab.site;

/**
 * One site of the lab as {@code config/lab/sites.conf} describes it.
 *
 * @param host          the DNS name, e.g. {@code expired.lab.test}
 * @param purpose       what the site tests, in a few words
 * @param expectedError the Chromium net error a strict browser gets, or null when it loads
 * @param openUrl       the URL a user opens to see the point of the site
 * @param tls           the HTTPS server, or null when the site is plain HTTP only
 * @param https         what the HTTPS server answers (null when {@code tls} is null)
 * @param http          what the plain HTTP server answers, or null when there is none
 */
public record SiteSpec(String host, String purpose, String expectedError, String openUrl,
                       TlsSpec tls, HttpBehaviour https, HttpBehaviour http) {
}
