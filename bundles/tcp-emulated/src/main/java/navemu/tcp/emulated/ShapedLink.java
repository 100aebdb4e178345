package navemu.tcp.emulated;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import navemu.tcp.emulated.api.LinkConditions;
import navemu.tcp.emulated.api.LinkControl;

/** The current link conditions, read by each new connection and changed by the shell or ConfigAdmin. */
final class ShapedLink implements LinkControl {

    private final AtomicReference<LinkConditions> current;

    ShapedLink(LinkConditions initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    @Override
    public LinkConditions conditions() {
        return current.get();
    }

    @Override
    public void set(LinkConditions conditions) {
        current.set(Objects.requireNonNull(conditions, "conditions"));
    }

    @Override
    public LinkConditions apply(String setting, String value) {
        LinkConditions changed = change(current.get(), setting, value);
        current.set(changed);
        return changed;
    }

    @Override
    public Map<String, LinkConditions> presets() {
        return ThrottlingPresets.ALL;
    }

    /** {@code base} with one setting changed, as {@link LinkControl#apply} describes; also used for configuration. */
    static LinkConditions change(LinkConditions base, String setting, String value) {
        String name = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "rtt":
                return base.withRtt(LinkSettingParser.duration(name, value));
            case "jitter":
                return base.withJitter(LinkSettingParser.duration(name, value));
            case "bandwidth":
                return base.withBandwidth(LinkSettingParser.bitsPerSecond(name, value));
            case "downlink":
                return base.withDownlink(LinkSettingParser.bitsPerSecond(name, value));
            case "uplink":
                return base.withUplink(LinkSettingParser.bitsPerSecond(name, value));
            case "loss":
                return base.withLoss(LinkSettingParser.loss(name, value));
            case "preset":
                return ThrottlingPresets.find(value).orElseThrow(() -> new IllegalArgumentException(
                        "no preset \"" + value + "\"; the presets are " + String.join(", ", ThrottlingPresets.ALL.keySet())));
            case "off":
                if (value != null && !value.isBlank()) {
                    throw new IllegalArgumentException("off takes no value, got \"" + value + "\"");
                }
                return LinkConditions.OFF;
            default:
                throw new IllegalArgumentException("no link setting \"" + setting
                        + "\"; the settings are rtt, jitter, bandwidth, downlink, uplink, loss, preset and off");
        }
    }
}
