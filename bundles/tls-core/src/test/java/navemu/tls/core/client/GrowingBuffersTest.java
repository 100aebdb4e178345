package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The buffers under a connection's record layer start small and grow only as far as needed,
 * never past their limit, and pass every byte through in order, reaching the connection when a
 * BufferedOutputStream of the limit's size would.
 */
class GrowingBuffersTest {
    private static final int INITIAL = 4096;
    private static final int LIMIT = 1 << 15;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    /** Records what reached it, one entry per write, so the tests see when bytes went out. */
    private static final class Writes extends ByteArrayOutputStream {
        final List<Integer> sizes = new ArrayList<>();
        int flushes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            sizes.add(len);
            super.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void aHandshakeFlightStaysInTheSmallBufferUntilFlushed() throws IOException {
        Writes wire = new Writes();
        GrowingBufferedOutput out = new GrowingBufferedOutput(wire, INITIAL, LIMIT);
        byte[] clientHello = bytes(517, 1);
        byte[] ccs = bytes(6, 2);
        out.write(clientHello);
        out.write(ccs);
        assertEquals(0, wire.size(), "nothing reaches the connection before the flight is flushed");
        out.flush();
        assertEquals(List.of(523), wire.sizes, "the flight goes out in one write");
        assertEquals(1, wire.flushes);
        assertEquals(INITIAL, out.capacity(), "a small flight never grows the buffer");
    }

    @Test
    void theOutputBufferGrowsToTheLimitAndNoFurther() throws IOException {
        Writes wire = new Writes();
        GrowingBufferedOutput out = new GrowingBufferedOutput(wire, INITIAL, LIMIT);
        byte[] record = bytes(16_000, 3);
        out.write(record);
        assertEquals(0, wire.size(), "one full record fits within the limit");
        assertTrue(out.capacity() >= record.length && out.capacity() <= LIMIT, "capacity " + out.capacity());
        out.write(record);
        assertEquals(0, wire.size(), "two full records still fit");
        out.write(record);
        assertEquals(List.of(2 * record.length), wire.sizes, "the third did not fit: the first two went out");
        assertTrue(out.capacity() >= 2 * record.length && out.capacity() <= LIMIT, "capacity " + out.capacity());
        byte[] huge = bytes(LIMIT + 10, 4);
        out.write(huge);
        out.flush();
        assertEquals(List.of(2 * record.length, record.length, huge.length), wire.sizes,
                "what was buffered first, then the write larger than the limit as it is");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(record);
        expected.write(record);
        expected.write(record);
        expected.write(huge);
        assertArrayEquals(expected.toByteArray(), wire.toByteArray());
    }

    /** Hands out at most what the reader asks for, and counts the reads. */
    private static final class CountingInput extends FilterInputStream {
        final List<Integer> asked = new ArrayList<>();

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            asked.add(len);
            return super.read(b, off, len);
        }
    }

    @Test
    void theInputBufferGrowsOnlyWhenTheConnectionFilledItAndPassesEveryByteThrough() throws IOException {
        byte[] data = bytes(200_000, 5);
        CountingInput wire = new CountingInput(new ByteArrayInputStream(data));
        GrowingBufferedInput in = new GrowingBufferedInput(wire, INITIAL, LIMIT);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] header = new byte[5];
        int maxCapacity = 0;
        while (true) {
            int n = in.readNBytes(header, 0, 5);
            got.write(header, 0, n);
            if (n < 5) {
                break;
            }
            got.write(in.readNBytes(1000));
            maxCapacity = Math.max(maxCapacity, in.capacity());
        }
        assertArrayEquals(data, got.toByteArray());
        assertEquals(LIMIT, maxCapacity, "reads that filled the buffer doubled it up to the limit");
        assertTrue(wire.asked.stream().allMatch(len -> len <= LIMIT), "no read asks for more than the limit: " + wire.asked);
    }

    @Test
    void aShortServerFlightNeverGrowsTheInputBuffer() throws IOException {
        byte[] flight = bytes(2_900, 6);
        GrowingBufferedInput in = new GrowingBufferedInput(new ByteArrayInputStream(flight), INITIAL, LIMIT);
        assertArrayEquals(flight, in.readAllBytes());
        assertEquals(-1, in.read());
        assertEquals(INITIAL, in.capacity());
    }
}
