package navemu.tcp.emulated;

/**
 * The server's own time on an emulated connection, as far as the client waited for it.
 *
 * <p>The link's delay is added on our side of a real loopback socket, so the connection sees the
 * moment the server is handed our bytes and the moment its answer comes off the socket, before
 * either crosses the emulated link. The server worked on a piece of its answer from the later of
 * "our last bytes handed over" and "its previous bytes came" until that piece came.
 *
 * <p>A read that blocked from {@code s} to {@code e} and got a piece the server worked on from
 * {@code w} to {@code a} waited {@code [max(s, w), min(e, a)]} for the server; the rest of its
 * wait was the link (our bytes going, the piece coming back). Only that overlap counts: a server
 * that keeps working while the client computes (signing its CertificateVerify while we check its
 * ServerHello) costs the client nothing. One thread hands over, another takes off, a third reads.
 */
final class ServerClock {

    private long lastHandedOver = Long.MIN_VALUE;
    private long lastArrived = Long.MIN_VALUE;
    private long waitedNanos;

    /** Our bytes were written to the server's socket at {@code nanos}. */
    synchronized void handedToServer(long nanos) {
        lastHandedOver = nanos;
    }

    /** The server's bytes came off its socket at {@code nanos}; returns when it started working on them. */
    synchronized long answerArrived(long nanos) {
        long since = Math.max(lastHandedOver, lastArrived);
        lastArrived = nanos;
        return since == Long.MIN_VALUE ? nanos : Math.min(since, nanos);
    }

    /** A read blocked from {@code readStart} to {@code readEnd} for a piece the server worked on from {@code workStart} to {@code arrived}. */
    synchronized void waitedFor(long readStart, long readEnd, long workStart, long arrived) {
        long overlap = Math.min(readEnd, arrived) - Math.max(readStart, workStart);
        if (overlap > 0) {
            waitedNanos += overlap;
        }
    }

    /** The client's waiting on the server so far. */
    synchronized long nanos() {
        return waitedNanos;
    }
}
