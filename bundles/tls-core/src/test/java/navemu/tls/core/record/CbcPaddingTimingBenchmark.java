package navemu.tls.core.record;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.HashAlgorithm;

/**
 * Lucky13 (AlFardan and Paterson, 2013) on our MAC-then-encrypt CBC decoding: how much longer a
 * 512-byte record takes to decode when its last byte says "padding 0" than when it says "padding
 * 255". Without countermeasure the MAC covers 255 more bytes in the first case (about four more
 * SHA-256 blocks), and a man in the middle who times our bad_record_mac learns plaintext bytes.
 * Prints the median CPU time per record for each padding length and the difference, for records
 * whose MAC verifies and for records whose MAC fails (the attacker's case). A benchmark, not a
 * test: timings are printed, never asserted.
 *
 * <p>Run: {@code scripts/bench.sh cbc [rounds]}.
 */
public final class CbcPaddingTimingBenchmark {
    private static final int PLAINTEXT = 512;
    private static final int BATCH = 2_000;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[16];
        byte[] macKey = new byte[32];
        random.nextBytes(key);
        random.nextBytes(macKey);
        byte[] otherMacKey = macKey.clone();
        otherMacKey[0] ^= 1;
        for (HashAlgorithm hash : new HashAlgorithm[] {HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA384}) {
            TlsRecord[] pad0 = records(key, macKey, hash, 0, random);
            TlsRecord[] pad255 = records(key, macKey, hash, 255, random);
            for (String kind : new String[] {"MAC verifies", "MAC fails"}) {
                byte[] readerMacKey = kind.equals("MAC verifies") ? macKey : otherMacKey;
                long[] t0 = new long[rounds];
                long[] t255 = new long[rounds];
                for (int warm = 0; warm < 10; warm++) {
                    decodeAll(key, readerMacKey, hash, pad0);
                    decodeAll(key, readerMacKey, hash, pad255);
                }
                for (int r = 0; r < rounds; r++) {
                    t0[r] = decodeAll(key, readerMacKey, hash, pad0);
                    t255[r] = decodeAll(key, readerMacKey, hash, pad255);
                }
                double m0 = median(t0) / (double) BATCH;
                double m255 = median(t255) / (double) BATCH;
                System.out.printf(Locale.ROOT, "HMAC-%-7s %-12s padding 0: %8.0f ns  padding 255: %8.0f ns  difference: %+6.0f ns%n",
                        hash, kind, m0, m255, m0 - m255);
            }
        }
    }

    /** BATCH records of PLAINTEXT bytes (content + MAC + padding), sequence numbers 0, 1, 2… */
    private static TlsRecord[] records(byte[] key, byte[] macKey, HashAlgorithm hash, int pad, SecureRandom random) {
        TlsRecord[] out = new TlsRecord[BATCH];
        for (int i = 0; i < BATCH; i++) {
            byte[] content = new byte[PLAINTEXT - hash.length() - 1 - pad];
            random.nextBytes(content);
            out[i] = CbcRecords.macThenEncrypt(key, macKey, hash, i, ContentType.APPLICATION_DATA, content, pad);
        }
        return out;
    }

    /**
     * CPU nanoseconds of this thread to decode the whole batch with a fresh reader: CPU time, not
     * wall time, so that other processes on a busy machine do not blur a difference this small.
     */
    private static long decodeAll(byte[] key, byte[] macKey, HashAlgorithm hash, TlsRecord[] records) {
        Tls12CbcProtection reader = new Tls12CbcProtection(key, macKey, hash, false, new SecureRandom());
        long start = THREADS.getCurrentThreadCpuTime();
        for (TlsRecord r : records) {
            try {
                reader.unprotect(r);
            } catch (TlsAlertException expectedWhenTheMacFails) {
                // the attacker's case: only the time matters
            }
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
