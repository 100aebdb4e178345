package navemu.hostile;

import java.util.Arrays;
import java.util.Random;

/**
 * One seeded change to DNS answers on their way to the resolver: the first answer to each
 * question type (A, AAAA, HTTPS — the resolver asks all three at once) is changed the same kind of
 * way, each with its own random details; answers to retries pass untouched.
 */
record DnsMutation(Kind kind, long parameterSeed) {

    enum Kind { FLIP_BITS, INSERT_BYTES, DELETE_BYTES, TRUNCATE, CHANGE_ID, SET_TRUNCATED_FLAG, DROP,
        /** Passes every answer untouched: the warm-up's check that the harness itself is sound. Never drawn from a seed. */
        NONE }

    static DnsMutation fromSeed(long seed) {
        // Consecutive seeds give java.util.Random correlated first values: mix the seed first.
        Random random = new Random(new java.util.SplittableRandom(seed).nextLong());
        Kind kind = Kind.values()[random.nextInt(Kind.NONE.ordinal())];
        return new DnsMutation(kind, random.nextLong());
    }

    /** The bytes to send instead of {@code answer} (the answer to a {@code questionType} query), or null to send nothing. */
    byte[] apply(byte[] answer, int questionType) {
        Random random = new Random(parameterSeed * 31 + questionType);
        byte[] out = answer.clone();
        switch (kind) {
            case FLIP_BITS -> {
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case INSERT_BYTES -> {
                int at = random.nextInt(out.length + 1);
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                return RecordMutation.concat(Arrays.copyOfRange(out, 0, at), extra, Arrays.copyOfRange(out, at, out.length));
            }
            case DELETE_BYTES -> {
                int at = random.nextInt(out.length);
                int n = Math.min(out.length - at, 1 + random.nextInt(8));
                return RecordMutation.concat(Arrays.copyOfRange(out, 0, at), Arrays.copyOfRange(out, at + n, out.length));
            }
            case TRUNCATE -> {
                return Arrays.copyOf(out, random.nextInt(out.length));
            }
            case CHANGE_ID -> {
                out[random.nextInt(2)] ^= (byte) (1 + random.nextInt(255));
                return out;
            }
            case SET_TRUNCATED_FLAG -> {
                out[2] |= 0x02;
                return out;
            }
            case DROP -> {
                return null;
            }
            case NONE -> {
                return out;
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
