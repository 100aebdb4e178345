package navemu.tls.core.client;

import java.util.Map;

import org.bouncycastle.util.encoders.Hex;

import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.ServerHello;

/**
 * The browser client's version dispatch told as it happens (see {@link Tls13Narration} for why
 * narration lives beside the protocol): the ServerHello that chose a version, and the TLS 1.2
 * answers refused before the TLS 1.2 handshake could show them.
 */
final class BrowserNarration {
    private final MessageLog log;

    BrowserNarration(MessageLog log) {
        this.log = log;
    }

    void waitingForServerChoice() {
        log.trace().roundTrip("ClientHello (TLS 1.3 and 1.2) sent; waiting for the server's choice");
    }

    void serverChose(String version) {
        log.info("the server chose " + version);
    }

    void tls12AfterEarlyData(HandshakeMessage message, ServerHello sh) {
        log.received("ServerHello", message.length(), Map.of("version", "TLSv1.2",
                "random", Hex.toHexString(sh.random()), "note", "TLS 1.2 after our 0-RTT data"));
    }

    void downgradeSentinel(HandshakeMessage message, ServerHello sh, byte[] tail) {
        log.received("ServerHello", message.length(), Map.of("version", "TLSv1.2",
                "random", Hex.toHexString(sh.random()), "downgrade_sentinel", Hex.toHexString(tail) + " (DOWNGRD)"));
    }
}
