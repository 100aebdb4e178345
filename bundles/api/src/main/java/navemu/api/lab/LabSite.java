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
 */
public record LabSite(String host, String url, String purpose, String expectedError, String server, int port) {
}
