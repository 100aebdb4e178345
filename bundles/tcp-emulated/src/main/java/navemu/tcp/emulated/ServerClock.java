package navemu.tcp.emulated;

/**
 * The server's own time on an emulated connection. The link's delay is added on our side of a
 * real loopback socket, so the connection sees the moment the server is handed our bytes and the
 * moment its answer comes off the socket, before either crosses the emulated link: the time
 * between is the server working (plus a loopback hop of microseconds), not the network.
 *
 * <p>Each stretch from the later of "our last bytes handed over" and "its previous bytes came"
 * to "its next bytes came" counts, so an answer sent in pieces counts the server's pauses between
 * them too. Bytes that come while the server has had nothing new from us still count from its
 * previous bytes: a server streaming a body is working. One thread hands over, another takes off.
 */
final class ServerClock {

    private long lastHandedOver = Long.MIN_VALUE;
    private long lastArrived = Long.MIN_VALUE;
    private long totalNanos;

    /** Our bytes were written to the server's socket at {@code nanos}. */
    synchronized void handedToServer(long nanos) {
        lastHandedOver = nanos;
    }

    /** The server's bytes came off its socket at {@code nanos}. */
    synchronized void answerArrived(long nanos) {
        long since = Math.max(lastHandedOver, lastArrived);
        if (since != Long.MIN_VALUE && nanos > since) {
            totalNanos += nanos - since;
        }
        lastArrived = nanos;
    }

    /** The server's time so far. */
    synchronized long nanos() {
        return totalNanos;
    }
}
