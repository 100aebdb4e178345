package navemu.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The mutations themselves: a seed replays the same change; re-framing keeps every byte; content changes do not. */
class RecordMutationTest {
    private static final byte[] HEADER = {22, 3, 3, 0, 40};
    private static final byte[] FRAGMENT = new byte[40];

    static {
        for (int i = 0; i < FRAGMENT.length; i++) {
            FRAGMENT[i] = (byte) (i * 7 + 1);
        }
    }

    @Test
    void aSeedAlwaysMakesTheSameChange() {
        for (long seed = 0; seed < 200; seed++) {
            RecordMutation a = RecordMutation.fromSeed(seed);
            RecordMutation b = RecordMutation.fromSeed(seed);
            assertEquals(a, b);
            RecordMutation.Applied x = a.apply(HEADER, FRAGMENT, true, null);
            RecordMutation.Applied y = b.apply(HEADER, FRAGMENT, true, null);
            assertEquals(x == null, y == null);
            if (x != null) {
                assertEquals(x.description(), y.description());
                assertEquals(x.recordsToSend().size(), y.recordsToSend().size());
                for (int i = 0; i < x.recordsToSend().size(); i++) {
                    assertArrayEquals(x.recordsToSend().get(i), y.recordsToSend().get(i));
                }
            }
        }
    }

    @Test
    void splittingAndMergingKeepEveryHandshakeByteInWellFormedRecords() {
        byte[] following = RecordMutation.record(HEADER, new byte[] {9, 9, 9});
        for (long seed = 0; seed < 50; seed++) {
            RecordMutation split = new RecordMutation(RecordMutation.Kind.SPLIT_RECORD, 0, seed);
            RecordMutation.Applied s = split.apply(HEADER, FRAGMENT, true, null);
            assertEquals(2, s.recordsToSend().size());
            assertArrayEquals(FRAGMENT, fragments(s), s.description());
        }
        RecordMutation.Applied m = new RecordMutation(RecordMutation.Kind.MERGE_RECORDS, 0, 1).apply(HEADER, FRAGMENT, true, following);
        assertEquals(1, m.recordsToSend().size());
        assertArrayEquals(RecordMutation.concat(FRAGMENT, new byte[] {9, 9, 9}), fragments(m));
    }

    @Test
    void reFramingIsNeverAppliedToCiphertextOrWithoutANeighbourThatHasArrived() {
        assertNull(new RecordMutation(RecordMutation.Kind.SPLIT_RECORD, 0, 1).apply(HEADER, FRAGMENT, false, null));
        assertNull(new RecordMutation(RecordMutation.Kind.MERGE_RECORDS, 0, 1).apply(HEADER, FRAGMENT, true, null));
        assertFalse(RecordMutation.Kind.SPLIT_RECORD.changesContent);
        assertFalse(RecordMutation.Kind.MERGE_RECORDS.changesContent);
    }

    @Test
    void everyContentChangeChangesTheBytes() {
        for (RecordMutation.Kind kind : RecordMutation.Kind.values()) {
            if (!kind.changesContent) {
                continue;
            }
            for (long seed = 0; seed < 50; seed++) {
                RecordMutation.Applied a = new RecordMutation(kind, 0, seed).apply(HEADER, FRAGMENT, true, null);
                assertNotNull(a, kind + " seed " + seed);
                byte[] sent = RecordMutation.concat(a.recordsToSend().toArray(new byte[0][]));
                assertFalse(Arrays.equals(RecordMutation.concat(HEADER, FRAGMENT), sent), kind + " seed " + seed + ": " + a.description());
                assertTrue(kind != RecordMutation.Kind.CUT_STREAM || a.closeAfter());
            }
        }
    }

    private static byte[] fragments(RecordMutation.Applied a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : a.recordsToSend()) {
            int length = ((r[3] & 0xff) << 8) | (r[4] & 0xff);
            assertEquals(r.length - 5, length, "each record's length field fits its fragment");
            assertTrue(length > 0, "no empty handshake fragment");
            assertEquals(22, r[0]);
            out.write(r, 5, length);
        }
        return out.toByteArray();
    }
}
