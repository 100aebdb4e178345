package navemu.tcp.emulated.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The network between navemu and the server, as the {@code emulated} transport shapes it.
 *
 * @param name                  what to call these conditions: a preset's name, or {@code custom}
 * @param rtt                   round-trip time; each direction gets half of it
 * @param jitter                each one-way delay varies by up to this much either way (uniformly)
 * @param downlinkBitsPerSecond server → client throughput; 0 means not limited
 * @param uplinkBitsPerSecond   client → server throughput; 0 means not limited
 * @param loss                  the chance, from 0 (inclusive) to 1 (exclusive), that a TCP segment is lost
 *                              and must be retransmitted: the bytes arrive intact, one retransmission timeout later
 */
public record LinkConditions(String name, Duration rtt, Duration jitter, long downlinkBitsPerSecond,
                             long uplinkBitsPerSecond, double loss) {

    /** No shaping at all: the emulated transport then behaves like plain sockets. */
    public static final LinkConditions OFF = new LinkConditions("off", Duration.ZERO, Duration.ZERO, 0, 0, 0);

    /** @throws IllegalArgumentException when a figure is negative or the loss is not below 1 */
    public LinkConditions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rtt, "rtt");
        Objects.requireNonNull(jitter, "jitter");
        if (rtt.isNegative()) {
            throw new IllegalArgumentException("RTT must not be negative, got " + rtt);
        }
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("jitter must not be negative, got " + jitter);
        }
        if (downlinkBitsPerSecond < 0 || uplinkBitsPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative (0 means not limited)");
        }
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be at least 0 and below 1 (100 %), got " + loss);
        }
    }

    /** True when these conditions change anything at all. */
    public boolean shapes() {
        return !rtt.isZero() || !jitter.isZero() || downlinkBitsPerSecond > 0 || uplinkBitsPerSecond > 0 || loss > 0;
    }

    public LinkConditions withRtt(Duration value) {
        return new LinkConditions("custom", value, jitter, downlinkBitsPerSecond, uplinkBitsPerSecond, loss);
    }

    public LinkConditions withJitter(Duration value) {
        return new LinkConditions("custom", rtt, value, downlinkBitsPerSecond, uplinkBitsPerSecond, loss);
    }

    /** The same limit both ways; 0 lifts it. */
    public LinkConditions withBandwidth(long bitsPerSecond) {
        return new LinkConditions("custom", rtt, jitter, bitsPerSecond, bitsPerSecond, loss);
    }

    public LinkConditions withDownlink(long bitsPerSecond) {
        return new LinkConditions("custom", rtt, jitter, bitsPerSecond, uplinkBitsPerSecond, loss);
    }

    public LinkConditions withUplink(long bitsPerSecond) {
        return new LinkConditions("custom", rtt, jitter, downlinkBitsPerSecond, bitsPerSecond, loss);
    }

    public LinkConditions withLoss(double value) {
        return new LinkConditions("custom", rtt, jitter, downlinkBitsPerSecond, uplinkBitsPerSecond, value);
    }

    /** For a person: {@code Slow 4G: RTT 150 ms, down 1.44 Mbit/s, up 675 kbit/s, no loss}. */
    public String describe() {
        if (!shapes()) {
            return name + ": no shaping (RTT 0, bandwidth not limited, no loss)";
        }
        StringBuilder text = new StringBuilder(name).append(": RTT ").append(millis(rtt));
        if (!jitter.isZero()) {
            text.append(" ± ").append(millis(jitter));
        }
        text.append(", down ").append(rate(downlinkBitsPerSecond)).append(", up ").append(rate(uplinkBitsPerSecond));
        text.append(loss == 0 ? ", no loss" : String.format(Locale.ROOT, ", loss %s %%", number(loss * 100)));
        return text.toString();
    }

    /** The figures for a result's {@code detail} object (JSON-friendly numbers). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("rttMs", rtt.toNanos() / 1e6);
        map.put("jitterMs", jitter.toNanos() / 1e6);
        map.put("downlinkBitsPerSecond", downlinkBitsPerSecond);
        map.put("uplinkBitsPerSecond", uplinkBitsPerSecond);
        map.put("lossPercent", loss * 100);
        return map;
    }

    private static String millis(Duration duration) {
        return number(duration.toNanos() / 1e6) + " ms";
    }

    private static String rate(long bitsPerSecond) {
        if (bitsPerSecond == 0) {
            return "not limited";
        }
        if (bitsPerSecond >= 1_000_000) {
            return number(bitsPerSecond / 1e6) + " Mbit/s";
        }
        if (bitsPerSecond >= 1_000) {
            return number(bitsPerSecond / 1e3) + " kbit/s";
        }
        return bitsPerSecond + " bit/s";
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("\\.?0+$", "");
    }
}
