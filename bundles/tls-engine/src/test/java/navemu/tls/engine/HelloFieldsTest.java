package navemu.tls.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** The hello parsers read a peer's bytes: a short message is reported, never thrown. */
class HelloFieldsTest {

    @Test
    void helloFieldsNeverThrowOnTruncatedMessages() {
        byte[] truncated = {3, 3, 1, 2, 3};
        assertTrue(HelloFields.clientHello(ByteBuffer.wrap(truncated)).containsKey("parseError"));
        assertTrue(HelloFields.serverHello(ByteBuffer.wrap(truncated)).containsKey("parseError"));
    }
}
