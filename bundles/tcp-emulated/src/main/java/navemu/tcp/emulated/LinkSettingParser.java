package navemu.tcp.emulated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words a user types for link settings: durations ({@code 100ms}, {@code 0.1s},
 * {@code 100} = milliseconds), rates in bits per second with decimal prefixes, as network
 * people write them ({@code 1mbit}, {@code 500kbit}, {@code 2mbps}, {@code 1.5Mbit/s},
 * {@code 64000}; {@code off} or {@code 0} for not limited) and loss ({@code 1%} or {@code 0.01}).
 * Every error names the text it could not read and shows what would be read.
 */
final class LinkSettingParser {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|us|µs)?");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)(bit|bit/s|bps)?");
    /** A capital B is a byte, as in MB/s or kBps: ambiguous once lower-cased, so refused. */
    private static final Pattern BYTES = Pattern.compile(".*\\d\\s*[kKmMgG]?B(/s|ps)?");
    private static final Pattern LOSS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%)?");

    private LinkSettingParser() {
    }

    static Duration duration(String setting, String text) {
        Matcher m = DURATION.matcher(clean(setting, text));
        if (!m.matches()) {
            throw new IllegalArgumentException(setting + " \"" + text + "\" is not a duration (try 100ms or 0.1s)");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        BigDecimal nanos = switch (unit) {
            case "s" -> value.movePointRight(9);
            case "us", "µs" -> value.movePointRight(3);
            default -> value.movePointRight(6);
        };
        if (nanos.compareTo(BigDecimal.valueOf(Duration.ofHours(1).toNanos())) > 0) {
            throw new IllegalArgumentException(setting + " \"" + text + "\" is more than an hour");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    static long bitsPerSecond(String setting, String text) {
        String cleaned = clean(setting, text);
        if (BYTES.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException(setting + " \"" + text
                    + "\" looks like bytes per second; give bits (1 MB/s is 8mbit)");
        }
        if (cleaned.equals("off") || cleaned.equals("unlimited") || cleaned.equals("none")) {
            return 0;
        }
        Matcher m = RATE.matcher(cleaned);
        if (!m.matches()) {
            throw new IllegalArgumentException(setting + " \"" + text
                    + "\" is not a rate in bits per second (try 1mbit, 500kbit, 2mbps, or off)");
        }
        if (m.group(2).isEmpty() && m.group(3) == null && cleaned.contains(".")) {
            throw new IllegalArgumentException(setting + " \"" + text + "\" is not a whole number of bits per second");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 3;
            case "m" -> 6;
            case "g" -> 9;
            default -> 0;
        };
        BigDecimal bits = new BigDecimal(m.group(1)).movePointRight(shift);
        if (bits.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
            throw new IllegalArgumentException(setting + " \"" + text + "\" is more than 100 Gbit/s");
        }
        if (bits.signum() > 0 && bits.compareTo(BigDecimal.valueOf(8)) < 0) {
            throw new IllegalArgumentException(setting + " \"" + text + "\" is less than one byte per second");
        }
        return bits.longValue();
    }

    /** The loss as a fraction in [0, 1). */
    static double loss(String setting, String text) {
        Matcher m = LOSS.matcher(clean(setting, text));
        if (!m.matches()) {
            throw new IllegalArgumentException(setting + " \"" + text + "\" is not a loss rate (try 1% or 0.01)");
        }
        double value = Double.parseDouble(m.group(1));
        double fraction = m.group(2) != null ? value / 100 : value;
        if (fraction >= 1) {
            throw new IllegalArgumentException(setting + " \"" + text + "\" would lose every segment"
                    + (m.group(2) == null ? " (a bare number is a fraction: write 1% for one percent)" : ""));
        }
        return fraction;
    }

    private static String clean(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " needs a value");
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
