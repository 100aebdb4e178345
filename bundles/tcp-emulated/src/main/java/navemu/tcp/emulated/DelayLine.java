package navemu.tcp.emulated;

import java.time.Duration;
import java.util.random.RandomGenerator;

import navemu.tcp.emulated.api.LinkConditions;

/**
 * One direction of the emulated link, as arithmetic: when does a segment that enters the link at
 * a given moment come out at the other end?
 *
 * <ol>
 *   <li><b>Serialisation</b>: the link carries {@code bitsPerSecond}; a segment waits for the
 *       segments ahead of it, then takes {@code bytes × 8 / rate} to put on the wire.</li>
 *   <li><b>Propagation</b>: half the RTT, plus a jitter drawn uniformly from ±jitter.</li>
 *   <li><b>Loss</b>: with the configured probability a segment is lost and resent after a
 *       retransmission timeout. The RTO is {@code max(200 ms, 2 × RTT)}: RFC 6298 §2 computes it
 *       as SRTT + 4·RTTVAR (about 2–3 RTT on a steady link), and 200 ms is the floor Linux uses
 *       (RFC 6298 §2.4 recommends 1 s; every major stack goes lower). The bytes are never altered.</li>
 *   <li><b>Order</b>: TCP hands bytes to the application in order (RFC 9293 §3.10.7.4), so a
 *       segment is never delivered before the one ahead of it: a loss holds up what follows
 *       (head-of-line blocking), and jitter never reorders.</li>
 * </ol>
 *
 * Times are {@link System#nanoTime()} values. Not thread safe: each direction has one user.
 */
final class DelayLine {

    /** The Ethernet-sized TCP segment payload (1500 − 20 IPv4 − 20 TCP); losses and pacing are per segment. */
    static final int SEGMENT_BYTES = 1460;
    static final Duration MIN_RTO = Duration.ofMillis(200);
    /** A lost SYN or SYN-ACK is resent after the initial RTO of 1 s (RFC 6298 §2.1, RFC 9293 §3.8.1). */
    static final Duration INITIAL_RTO = Duration.ofSeconds(1);

    private final LinkConditions link;
    private final long bitsPerSecond;
    private final RandomGenerator random;
    private long linkFreeAt = Long.MIN_VALUE;
    private long lastDelivery = Long.MIN_VALUE;
    /** Written by the direction's one user, read by anyone for reporting. */
    private volatile long losses;

    DelayLine(LinkConditions link, long bitsPerSecond, RandomGenerator random) {
        this.link = link;
        this.bitsPerSecond = bitsPerSecond;
        this.random = random;
    }

    /** When a segment of {@code bytes} that enters the link at {@code enteredNanos} is delivered. */
    long deliveryTime(long enteredNanos, int bytes) {
        long start = linkFreeAt == Long.MIN_VALUE ? enteredNanos : Math.max(enteredNanos, linkFreeAt);
        long onTheWire = start + serialisationNanos(bytes);
        linkFreeAt = onTheWire;
        long delivery = onTheWire + oneWayNanos(link, random);
        if (lost()) {
            losses++;
            delivery += rtoNanos(link);
        }
        delivery = Math.max(delivery, lastDelivery);
        lastDelivery = delivery;
        return delivery;
    }

    /** How many segments this direction has lost (and resent) so far. */
    long losses() {
        return losses;
    }

    boolean lost() {
        return link.loss() > 0 && random.nextDouble() < link.loss();
    }

    private long serialisationNanos(int bytes) {
        return bitsPerSecond == 0 ? 0 : (long) (bytes * 8L * 1_000_000_000.0 / bitsPerSecond);
    }

    /** Half the RTT, moved by a jitter drawn uniformly from [−jitter, +jitter], never below zero. */
    static long oneWayNanos(LinkConditions link, RandomGenerator random) {
        long half = link.rtt().toNanos() / 2;
        long jitter = link.jitter().toNanos();
        long moved = jitter == 0 ? half : half + (long) ((random.nextDouble() * 2 - 1) * jitter);
        return Math.max(0, moved);
    }

    static long rtoNanos(LinkConditions link) {
        return Math.max(MIN_RTO.toNanos(), 2 * link.rtt().toNanos());
    }
}
