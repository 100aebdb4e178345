package navemu.tls.core.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.HashAlgorithm;

/** Handshake framing (RFC 8446 §4, §5.1), the HelloRetryRequest transcript (§4.4.1) and extension rules (§4.2). */
class HandshakeFramingTest {

    @Test
    void aMessageSpanningSeveralRecordsIsReassembled() throws Exception {
        byte[] msg = HandshakeMessage.of(HandshakeType.CERTIFICATE, new byte[40_000]).encode();
        HandshakeAssembler a = new HandshakeAssembler();
        a.add(java.util.Arrays.copyOfRange(msg, 0, 3));
        assertNull(a.next());
        a.add(java.util.Arrays.copyOfRange(msg, 3, 16_384));
        assertNull(a.next());
        a.add(java.util.Arrays.copyOfRange(msg, 16_384, msg.length));
        HandshakeMessage m = a.next();
        assertEquals(HandshakeType.CERTIFICATE, m.type());
        assertEquals(40_000, m.body().length);
    }

    @Test
    void severalMessagesInOneRecordComeOutOneByOne() throws Exception {
        HandshakeAssembler a = new HandshakeAssembler();
        a.add(concat(HandshakeMessage.of(HandshakeType.ENCRYPTED_EXTENSIONS, new byte[] {0, 0}).encode(),
                HandshakeMessage.of(HandshakeType.FINISHED, new byte[32]).encode()));
        assertEquals(HandshakeType.ENCRYPTED_EXTENSIONS, a.next().type());
        assertEquals(HandshakeType.FINISHED, a.next().type());
        assertNull(a.next());
    }

    @Test
    void aMessageMayNotSpanAKeyChange() {
        HandshakeAssembler a = new HandshakeAssembler();
        a.add(new byte[] {8, 0, 0, 10, 0});
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> a.checkKeyChangeBoundary("ServerHello"));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    @Test
    void afterHelloRetryRequestTheFirstClientHelloBecomesMessageHash() {
        byte[] ch1 = HandshakeMessage.of(HandshakeType.CLIENT_HELLO, new byte[] {1, 2, 3}).encode();
        byte[] hrr = HandshakeMessage.of(HandshakeType.SERVER_HELLO, new byte[] {4, 5}).encode();
        TranscriptHash t = new TranscriptHash();
        t.add(ch1);
        t.useHash(HashAlgorithm.SHA256);
        t.replaceWithMessageHash();
        t.add(hrr);
        byte[] hashCh1 = HashAlgorithm.SHA256.hash(ch1);
        byte[] expected = HashAlgorithm.SHA256.hash(concat(new byte[] {(byte) 254, 0, 0, 32}, hashCh1, hrr));
        assertArrayEquals(expected, t.current());
    }

    @Test
    void theSameExtensionTwiceIsAnIllegalParameter() {
        byte[] ee = new byte[] {0, 8, 0, 0, 0, 0, 0, 0, 0, 0};
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> EncryptedExtensions.decode(ee));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
    }

    @Test
    void trailingBytesAndShortBodiesAreDecodeErrors() {
        assertEquals(AlertDescription.DECODE_ERROR,
                assertThrows(TlsAlertException.class, () -> EncryptedExtensions.decode(new byte[] {0, 0, 7})).alert());
        assertEquals(AlertDescription.DECODE_ERROR,
                assertThrows(TlsAlertException.class, () -> ServerHello.decode(new byte[] {3, 3, 1})).alert());
    }

    @Test
    void helloRetryRequestIsRecognisedByItsRandom() throws Exception {
        ServerHello hrr = new ServerHello(0x0303, ServerHello.HELLO_RETRY_REQUEST_RANDOM, new byte[0], 0x1301, 0,
                List.of(Extensions.selectedVersion(0x0304), Extensions.keyShareHelloRetryRequest(0x0017)));
        ServerHello back = ServerHello.decode(hrr.encode());
        assertEquals("HelloRetryRequest", back.messageName());
        assertEquals(0x0017, Extensions.decodeKeyShareHelloRetryRequest(back.extension(ExtensionType.KEY_SHARE).data()));
        // The constant is SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3).
        assertArrayEquals(HashAlgorithm.SHA256.hash("HelloRetryRequest".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                ServerHello.HELLO_RETRY_REQUEST_RANDOM);
    }

    /**
     * Reassembly work is linear in the bytes received: a 256 KiB message in 1-byte records must
     * not copy what is buffered at every record. Measured as bytes allocated by this thread, not
     * as time (quadratic copying would allocate about 34 GB here; linear work a few MB).
     */
    @Test
    void aQuarterMebibyteMessageInOneByteRecordsIsReassembledWithLinearWork() throws Exception {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        int bodyLength = HandshakeAssembler.MAX_MESSAGE - 4;
        byte[] body = new byte[bodyLength];
        new java.util.Random(1).nextBytes(body);
        byte[] msg = HandshakeMessage.of(HandshakeType.CERTIFICATE, body).encode();
        byte[][] records = new byte[msg.length][];
        for (int i = 0; i < msg.length; i++) {
            records[i] = new byte[] {msg[i]};
        }
        HandshakeAssembler a = new HandshakeAssembler();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        HandshakeMessage m = null;
        for (byte[] r : records) {
            a.add(r);
            m = a.next();
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertArrayEquals(body, m.body());
        org.junit.jupiter.api.Assertions.assertTrue(allocated < 64L << 20,
                "reassembly allocated " + allocated + " bytes for a " + msg.length + "-byte message");
    }

    @Test
    void messagesCutAnywhereComeOutWholeAndInOrder() throws Exception {
        java.util.Random random = new java.util.Random(7);
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        List<byte[]> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] body = new byte[random.nextInt(i % 5 == 0 ? 30_000 : 300)];
            random.nextBytes(body);
            bodies.add(body);
            stream.writeBytes(HandshakeMessage.of(HandshakeType.CERTIFICATE, body).encode());
        }
        byte[] all = stream.toByteArray();
        HandshakeAssembler a = new HandshakeAssembler();
        List<byte[]> out = new java.util.ArrayList<>();
        for (int off = 0; off < all.length; ) {
            int n = Math.min(all.length - off, 1 + random.nextInt(20_000));
            a.add(java.util.Arrays.copyOfRange(all, off, off + n));
            off += n;
            for (HandshakeMessage m = a.next(); m != null; m = a.next()) {
                out.add(m.body());
            }
        }
        assertEquals(bodies.size(), out.size());
        for (int i = 0; i < bodies.size(); i++) {
            assertArrayEquals(bodies.get(i), out.get(i), "message " + i);
        }
        org.junit.jupiter.api.Assertions.assertFalse(a.hasPartialMessage());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
