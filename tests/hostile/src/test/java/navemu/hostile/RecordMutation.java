package navemu.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One seeded change to the server's side of a TLS connection, decided before the connection
 * starts so that a seed replays the same case. It names a record of the server's byte stream (by
 * its index) and what to do to it.
 *
 * <p>Two families, because the protocol treats them differently:
 * <ul>
 *   <li><b>content</b> changes (flip, insert, delete, truncate a fragment; break a record header;
 *   cut the stream) alter bytes the handshake authenticates, or the framing itself: a client must
 *   never complete such a connection and deliver the server's data as if nothing happened;</li>
 *   <li><b>re-framing</b> (split one plaintext handshake record in two, merge two adjacent ones)
 *   keeps every handshake byte: RFC 8446 §5.1 and RFC 5246 §6.2.1 allow it, so a client should
 *   accept it. It is only applied to records sent in the clear (before the server's first
 *   change_cipher_spec or application_data record): re-framing ciphertext is a content change.</li>
 * </ul>
 */
record RecordMutation(Kind kind, int targetRecord, long parameterSeed) {

    enum Kind {
        FLIP_BITS(true), INSERT_BYTES(true), DELETE_BYTES(true), TRUNCATE_FRAGMENT(true), BREAK_HEADER(true),
        CUT_STREAM(true), SPLIT_RECORD(false), MERGE_RECORDS(false);

        final boolean changesContent;

        Kind(boolean changesContent) {
            this.changesContent = changesContent;
        }
    }

    /** How many of the server's first records a mutation may target: its handshake flights and the first data. */
    static final int TARGET_WINDOW = 6;

    static RecordMutation fromSeed(long seed) {
        // Consecutive seeds give java.util.Random correlated first values: mix the seed first.
        Random random = new Random(new java.util.SplittableRandom(seed).nextLong());
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        // Re-framing only makes sense on plaintext records, which come first.
        int target = kind.changesContent ? random.nextInt(TARGET_WINDOW) : random.nextInt(3);
        return new RecordMutation(kind, target, random.nextLong());
    }

    /** A mutation whose target never comes: the proxy passes everything through. */
    static RecordMutation none() {
        return new RecordMutation(Kind.FLIP_BITS, -1, 0);
    }

    /** What a mutation did to one record, for the report; null fields when it did nothing. */
    record Applied(String description, List<byte[]> recordsToSend, boolean closeAfter) {
    }

    /**
     * Applies this mutation to the record {@code header + fragment}.
     *
     * @param plaintext whether the record was sent in the clear (re-framing is only applied then)
     * @param following the next record when it has already arrived (for a merge), else null
     * @return what to send instead, or null when this mutation cannot apply to this record
     */
    Applied apply(byte[] header, byte[] fragment, boolean plaintext, byte[] following) {
        Random random = new Random(parameterSeed);
        int type = header[0] & 0xff;
        switch (kind) {
            case FLIP_BITS -> {
                if (fragment.length == 0) {
                    return null;
                }
                byte[] out = fragment.clone();
                int flips = 1 + random.nextInt(3);
                StringBuilder where = new StringBuilder();
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(out.length);
                    int bit = random.nextInt(8);
                    out[at] ^= (byte) (1 << bit);
                    where.append(i == 0 ? "" : ",").append(at).append('.').append(bit);
                }
                if (Arrays.equals(out, fragment)) {
                    return null; // two flips of the same bit cancel: nothing changed
                }
                return one("flipped bits " + where + " of a " + fragment.length + "-byte type-" + type + " fragment", header, out);
            }
            case INSERT_BYTES -> {
                int at = random.nextInt(fragment.length + 1);
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                byte[] out = concat(Arrays.copyOfRange(fragment, 0, at), extra, Arrays.copyOfRange(fragment, at, fragment.length));
                return one("inserted " + extra.length + " bytes at " + at + " of a " + fragment.length + "-byte type-" + type
                        + " fragment", header, out);
            }
            case DELETE_BYTES -> {
                if (fragment.length == 0) {
                    return null;
                }
                int at = random.nextInt(fragment.length);
                int n = Math.min(fragment.length - at, 1 + random.nextInt(8));
                byte[] out = concat(Arrays.copyOfRange(fragment, 0, at), Arrays.copyOfRange(fragment, at + n, fragment.length));
                return one("deleted " + n + " bytes at " + at + " of a " + fragment.length + "-byte type-" + type + " fragment",
                        header, out);
            }
            case TRUNCATE_FRAGMENT -> {
                if (fragment.length == 0) {
                    return null;
                }
                int keep = random.nextInt(fragment.length);
                return one("truncated a " + fragment.length + "-byte type-" + type + " fragment to " + keep + " bytes", header,
                        Arrays.copyOf(fragment, keep));
            }
            case BREAK_HEADER -> {
                byte[] h = header.clone();
                String what;
                if (random.nextBoolean()) {
                    int newType;
                    do {
                        newType = random.nextInt(256);
                    } while (newType == type);
                    h[0] = (byte) newType;
                    what = "record type " + type + " -> " + newType;
                } else {
                    int length = ((h[3] & 0xff) << 8) | (h[4] & 0xff);
                    int newLength;
                    do {
                        newLength = random.nextBoolean() ? length + random.nextInt(33) - 16 : random.nextInt(1 << 16);
                    } while (newLength == length || newLength < 0);
                    h[3] = (byte) (newLength >>> 8);
                    h[4] = (byte) newLength;
                    what = "record length " + length + " -> " + newLength;
                }
                return new Applied("header: " + what, List.of(concat(h, fragment)), false);
            }
            case CUT_STREAM -> {
                int keep = random.nextInt(header.length + fragment.length);
                byte[] whole = concat(header, fragment);
                return new Applied("cut the stream after " + keep + " of the " + whole.length + " bytes of a type-" + type
                        + " record, then closed", List.of(Arrays.copyOf(whole, keep)), true);
            }
            case SPLIT_RECORD -> {
                if (!plaintext || type != 22 || fragment.length < 2) {
                    return null;
                }
                // Never an empty piece: a zero-length handshake fragment is itself forbidden (RFC 8446 §5.1).
                int at = 1 + random.nextInt(fragment.length - 1);
                return new Applied("split a " + fragment.length + "-byte plaintext handshake record at " + at,
                        List.of(record(header, Arrays.copyOfRange(fragment, 0, at)),
                                record(header, Arrays.copyOfRange(fragment, at, fragment.length))), false);
            }
            case MERGE_RECORDS -> {
                if (!plaintext || type != 22 || following == null || (following[0] & 0xff) != 22) {
                    return null;
                }
                byte[] second = Arrays.copyOfRange(following, 5, following.length);
                if (fragment.length + second.length > (1 << 14)) {
                    return null;
                }
                return new Applied("merged a " + fragment.length + "-byte and a " + second.length
                        + "-byte plaintext handshake record", List.of(record(header, concat(fragment, second))), false);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private static Applied one(String description, byte[] header, byte[] fragment) {
        return new Applied(description, List.of(record(header, fragment)), false);
    }

    /** A record with {@code header}'s type and version and a length that fits {@code fragment}. */
    static byte[] record(byte[] header, byte[] fragment) {
        byte[] h = header.clone();
        h[3] = (byte) (fragment.length >>> 8);
        h[4] = (byte) fragment.length;
        return concat(h, fragment);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return kind + "@record" + targetRecord;
    }
}
