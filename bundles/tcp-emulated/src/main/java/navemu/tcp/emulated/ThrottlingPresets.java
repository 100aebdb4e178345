package navemu.tcp.emulated;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import navemu.tcp.emulated.api.LinkConditions;

/**
 * Presets named like Chrome DevTools' network throttling menu, with its figures, from
 * {@code ChromeDevTools/devtools-frontend}, {@code front_end/core/sdk/NetworkManager.ts}
 * ({@code Slow3GConditions}, {@code Slow4GConditions}, {@code Fast4GConditions}):
 *
 * <table>
 *   <tr><th>preset</th><th>down</th><th>up</th><th>packet RTT</th><th>DevTools request latency</th></tr>
 *   <tr><td>3G (was "Slow 3G")</td><td>500 kbit/s × 0.8 = 400 kbit/s</td><td>400 kbit/s</td><td>400 ms</td><td>400 × 5 = 2000 ms</td></tr>
 *   <tr><td>Slow 4G (was "Fast 3G" until May 2024)</td><td>1.6 Mbit/s × 0.9 = 1.44 Mbit/s</td><td>750 kbit/s × 0.9 = 675 kbit/s</td><td>150 ms</td><td>150 × 3.75 = 562.5 ms</td></tr>
 *   <tr><td>Fast 4G</td><td>9 Mbit/s × 0.9 = 8.1 Mbit/s</td><td>1.5 Mbit/s × 0.9 = 1.35 Mbit/s</td><td>60 ms</td><td>60 × 2.75 = 165 ms</td></tr>
 * </table>
 *
 * <p>Why the RTT here is the smaller figure: DevTools throttles at the level of HTTP requests and
 * adds its latency <em>once per request</em>, so it multiplies the packet-level RTT it aims at
 * (its {@code targetLatency}) to stand in for the handshake round trips it does not see. navemu
 * shapes packets, and delays every flight (TCP, TLS, HTTP) by itself, so it uses the packet-level
 * RTT; a navigation then costs about what DevTools' request latency approximates.
 */
final class ThrottlingPresets {

    static final LinkConditions SLOW_3G = new LinkConditions("3G", Duration.ofMillis(400), Duration.ZERO,
            400_000, 400_000, 0);
    static final LinkConditions SLOW_4G = new LinkConditions("Slow 4G", Duration.ofMillis(150), Duration.ZERO,
            1_440_000, 675_000, 0);
    static final LinkConditions FAST_4G = new LinkConditions("Fast 4G", Duration.ofMillis(60), Duration.ZERO,
            8_100_000, 1_350_000, 0);

    /** In the order DevTools lists them, fastest first, then no throttling. */
    static final Map<String, LinkConditions> ALL = presets();

    /** Former and informal names (DevTools renamed its presets in 2024). */
    private static final Map<String, LinkConditions> ALIASES = Map.of(
            "slow3g", SLOW_3G,
            "fast3g", SLOW_4G,
            "nothrottling", LinkConditions.OFF,
            "none", LinkConditions.OFF);

    private ThrottlingPresets() {
    }

    private static Map<String, LinkConditions> presets() {
        Map<String, LinkConditions> all = new LinkedHashMap<>();
        all.put(FAST_4G.name(), FAST_4G);
        all.put(SLOW_4G.name(), SLOW_4G);
        all.put(SLOW_3G.name(), SLOW_3G);
        all.put(LinkConditions.OFF.name(), LinkConditions.OFF);
        return Collections.unmodifiableMap(all);
    }

    /** The preset called {@code name}, ignoring case, spaces, hyphens and underscores. */
    static Optional<LinkConditions> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = squash(name);
        for (LinkConditions preset : ALL.values()) {
            if (squash(preset.name()).equals(wanted)) {
                return Optional.of(preset);
            }
        }
        return Optional.ofNullable(ALIASES.get(wanted));
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
