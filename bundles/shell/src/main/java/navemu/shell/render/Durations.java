package navemu.shell.render;

import java.util.Locale;

/** Milliseconds as a person reads them: {@code 0.4 ms}, {@code 38 ms}, {@code 1.25 s}. */
public final class Durations {

    private Durations() {
    }

    public static String ms(double millis) {
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
