package navemu.tcp.emulated.api;

import java.util.Map;

/**
 * The emulated link's settings, changeable while navemu runs. Registered as a service by the
 * {@code tcp} slot's {@code emulated} implementation (the same registration as its
 * {@code TcpConnector}, so it comes and goes with the bundle).
 *
 * <p>A connection takes a snapshot of the conditions when it connects: a change applies to the
 * next connection, never to one in flight, as a navigation snapshots its composition. Changes
 * made here last until the bundle restarts or its ConfigAdmin configuration changes; they are not
 * written back to the configuration. Thread safe.
 */
public interface LinkControl {

    /** The conditions the next connection will get. */
    LinkConditions conditions();

    void set(LinkConditions conditions);

    /**
     * Applies one setting as the shell's {@code net SETTING VALUE} names it, and returns the new conditions:
     * <ul>
     *   <li>{@code rtt 100ms} (also {@code 0.1s}, {@code 100}: milliseconds), {@code jitter 10ms};</li>
     *   <li>{@code bandwidth 1mbit} (both ways; {@code 500kbit}, {@code 2mbps}, {@code 1000000} bit/s,
     *       {@code off} for not limited), {@code downlink …}, {@code uplink …};</li>
     *   <li>{@code loss 1%} (or a fraction, {@code 0.01});</li>
     *   <li>{@code preset NAME} (one of {@link #presets()}, case and spaces ignored: {@code slow-4g});</li>
     *   <li>{@code off} (no value): no shaping.</li>
     * </ul>
     *
     * @throws IllegalArgumentException when the setting or the value is not understood; the message says
     *                                  what was given and what is accepted, and the conditions are unchanged
     */
    LinkConditions apply(String setting, String value);

    /** The named presets, in the order to show them (like the browser's throttling menu). */
    Map<String, LinkConditions> presets();
}
