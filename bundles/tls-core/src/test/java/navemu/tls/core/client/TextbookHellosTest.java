package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.ProtocolVersion;

/**
 * The textbook clients' ClientHellos (tls13-ecdhe, tls12-rsa) stay what they were when the
 * browser's became Chrome 143's: no GREASE, no ALPS even with h2 offered, their own suites and
 * extensions in their fixed order, and for tls12-rsa encrypt_then_mac beside its CBC suite.
 */
class TextbookHellosTest {
    private static final List<String> ALPN = List.of("h2", "http/1.1");

    @Test
    void tls12RsaOffersItsThreeSuitesAndItsEightExtensions() {
        ClientHello hello = ClientHelloBuilder.tls12Only(Tls12ClientConfig.rsaKeyExchange(), new byte[32], new byte[0],
                "server.test", ALPN, null);
        assertEquals(List.of(0x009c, 0x009d, 0x003c), hello.cipherSuites());
        assertEquals(List.of(ExtensionType.SERVER_NAME, ExtensionType.EXTENDED_MASTER_SECRET, ExtensionType.RENEGOTIATION_INFO,
                ExtensionType.SESSION_TICKET, ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.ALPN, ExtensionType.STATUS_REQUEST,
                ExtensionType.ENCRYPT_THEN_MAC), types(hello));
    }

    @Test
    void tls13EcdheOffersItsSuitesAndExtensionsWithoutChromesAdditions() {
        Tls13ClientConfig config = Tls13ClientConfig.defaults();
        ClientHello hello = new ClientHelloBuilder(config, "server.test", ALPN, null)
                .first(new byte[32], new int[] {ProtocolVersion.TLS13}, null, false);
        assertEquals(config.cipherSuites().stream().map(Tls13CipherSuite::code).toList(), hello.cipherSuites());
        assertEquals(List.of(ExtensionType.SERVER_NAME, ExtensionType.SUPPORTED_VERSIONS, ExtensionType.SUPPORTED_GROUPS,
                ExtensionType.KEY_SHARE, ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.ALPN, ExtensionType.STATUS_REQUEST,
                ExtensionType.PSK_KEY_EXCHANGE_MODES), types(hello));
    }

    private static List<Integer> types(ClientHello hello) {
        return hello.extensions().stream().map(Extension::type).toList();
    }
}
