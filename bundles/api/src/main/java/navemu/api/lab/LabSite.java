package navemu.api.lab;

/**
 * One site of the lab world.
 *
 * @param host          e.g. {@code expired.lab.test}
 * @param url           the URL to open, e.g. {@code https://expired.lab.test/}
 * @param purpose       what the site tests, in a few words
 * @param expectedError the browser error a strict client gets, or null when it loads
 * @param server        which TLS stack serves it: {@code bouncycastle}, {@code jdk}, {@code boringssl}, {@code plain}
 * @param port          the loopback port it listens on
 * @param protocols     the HTTP versions it speaks, as ALPN names it: {@code h2}, {@code http/1.1}
 */
public record LabSite(String host, String url, String purpose, String expectedError, String server, int port,
                      java.util.List<String> protocols) {

    public LabSite {
        protocols = protocols == null ? java.util.List.of("http/1.1") : java.util.List.copyOf(protocols);
    }

    /** A site that speaks HTTP/1.1 only. */
    public LabSite(String host, String url, String purpose, String expectedError, String server, int port) {
        this(host, url, purpose, expectedError, server, port, java.util.List.of("http/1.1"));
    }
}
