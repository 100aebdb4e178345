package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.tls.TlsRequest;

/**
 * The server_name both clients send (RFC 6066 §3): a DNS name in A-labels without a trailing dot,
 * never an IP literal, decided by the same host parser as the URL, so {@code 1.2.3} (the address
 * 1.2.0.3) sends no SNI, as in a browser.
 */
class ServerNameTest {

    @Test
    void namesAreSentInALabelsWithoutTheTrailingDot() {
        assertEquals("www.lab.test", tls13("WWW.Lab.Test.").sni());
        assertEquals("xn--fa-hia.lab.test", tls13("faß.lab.test").sni());
        assertEquals("xn--fa-hia.lab.test", tls12("faß.lab.test").sni());
    }

    @Test
    void addressesInAnyFormSendNoServerName() {
        for (String address : List.of("127.0.0.1", "1.2.3", "0x7f.1", "::1", "[::1]")) {
            assertNull(tls13(address).sni(), address);
            assertNull(tls12(address).sni(), address);
        }
    }

    private static Tls13ClientHandshake tls13(String host) {
        return new Tls13ClientHandshake(request(host), null, null, null, null);
    }

    private static Tls12ClientHandshake tls12(String host) {
        return new Tls12ClientHandshake(request(host), null, null, null, null);
    }

    private static TlsRequest request(String host) {
        return new TlsRequest(host, 443, List.of("http/1.1"), null, Duration.ofSeconds(1));
    }
}
