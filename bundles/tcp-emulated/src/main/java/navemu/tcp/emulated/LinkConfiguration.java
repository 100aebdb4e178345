package navemu.tcp.emulated;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import navemu.tcp.emulated.api.LinkConditions;

/**
 * The link conditions that ConfigAdmin's pid {@code navemu.tcp.emulated} asks for: {@code preset}
 * first, then {@code rtt}, {@code jitter}, {@code bandwidth}, {@code downlink}, {@code uplink} and
 * {@code loss} on top of it, each in the words {@link navemu.tcp.emulated.api.LinkControl#apply} takes.
 */
final class LinkConfiguration {

    /** Without configuration: a 100 ms RTT, nothing else shaped — round trips become visible in time. */
    static final LinkConditions DEFAULT = new LinkConditions("default", Duration.ofMillis(100), Duration.ZERO, 0, 0, 0);

    private static final List<String> SETTINGS = List.of("rtt", "jitter", "bandwidth", "downlink", "uplink", "loss");

    private LinkConfiguration() {
    }

    /** @throws IllegalArgumentException when a property is not understood (the message names it) */
    static LinkConditions from(Map<String, ?> properties) {
        LinkConditions conditions = DEFAULT;
        Object preset = properties.get("preset");
        if (preset != null && !preset.toString().isBlank()) {
            conditions = ShapedLink.change(conditions, "preset", preset.toString());
        }
        for (String setting : SETTINGS) {
            Object value = properties.get(setting);
            if (value != null && !value.toString().isBlank()) {
                LinkConditions changed = ShapedLink.change(conditions, setting, value.toString());
                // A line that restates what the preset (or the default) already says keeps its name.
                if (!sameFigures(changed, conditions)) {
                    conditions = changed;
                }
            }
        }
        return conditions;
    }

    private static boolean sameFigures(LinkConditions a, LinkConditions b) {
        return a.rtt().equals(b.rtt()) && a.jitter().equals(b.jitter())
                && a.downlinkBitsPerSecond() == b.downlinkBitsPerSecond()
                && a.uplinkBitsPerSecond() == b.uplinkBitsPerSecond() && a.loss() == b.loss();
    }
}
