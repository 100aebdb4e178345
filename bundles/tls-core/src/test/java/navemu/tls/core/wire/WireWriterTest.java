package navemu.tls.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The presentation language's integers and vectors come out big-endian, length-prefixed, whatever their size. */
class WireWriterTest {

    @Test
    void integersAndVectorsAreBigEndianWithTheirLengthsInFront() {
        byte[] out = new WireWriter().u8(0x01).u16(0x0203).u24(0x040506).u32(0x0708090aL)
                .opaque8(new byte[] {(byte) 0xaa}).opaque16(new byte[] {(byte) 0xbb, (byte) 0xcc})
                .vector24(w -> w.u16(0xdddd)).toByteArray();
        assertEquals("01" + "0203" + "040506" + "0708090a" + "01aa" + "0002bbcc" + "000002dddd", Hex.toHexString(out));
    }

    @Test
    void growsPastAnySizeAndKeepsEveryByte() {
        WireWriter writer = new WireWriter();
        byte[] expected = new byte[70_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 7);
        }
        writer.u8(expected[0] & 0xff);
        for (int i = 1; i < 1000; i++) {
            writer.u8(expected[i] & 0xff);
        }
        writer.bytes(java.util.Arrays.copyOfRange(expected, 1000, expected.length));
        assertEquals(expected.length, writer.length());
        assertArrayEquals(expected, writer.toByteArray());
        // toByteArray is a copy: writing on does not change what was handed out.
        byte[] first = writer.toByteArray();
        writer.u8(1);
        assertEquals(expected.length, first.length);
    }

    @Test
    void aValueThatDoesNotFitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().u8(256));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().u16(-1));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().u24(1 << 24));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().u32(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().opaque8(new byte[256]));
    }
}
