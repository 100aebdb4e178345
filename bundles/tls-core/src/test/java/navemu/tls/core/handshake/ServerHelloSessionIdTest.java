package navemu.tls.core.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/** ServerHello's legacy_session_id_echo is a &lt;0..32&gt; vector (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3). */
class ServerHelloSessionIdTest {

    private static byte[] serverHelloWithSessionId(int length) {
        return new ServerHello(ProtocolVersion.TLS12, new byte[32], new byte[length], 0xc02b, 0, List.of()).encode();
    }

    @Test
    void aSessionIdOfThirtyTwoBytesIsTheLongestAccepted() throws Exception {
        assertArrayEquals(new byte[32], ServerHello.decode(serverHelloWithSessionId(32)).legacySessionIdEcho());
    }

    @Test
    void aSessionIdOverThirtyTwoBytesIsADecodeError() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> ServerHello.decode(serverHelloWithSessionId(33)));
        assertEquals(AlertDescription.DECODE_ERROR, e.alert());
        assertEquals(true, e.getMessage().contains("33 bytes"), e.getMessage());
    }
}
