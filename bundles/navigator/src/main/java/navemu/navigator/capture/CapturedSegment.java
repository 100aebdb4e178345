package navemu.navigator.capture;

/**
 * One chunk of bytes that crossed a connection: what one write sent, or what one read returned.
 *
 * @param fromClient true for bytes navemu sent, false for bytes it received
 * @param atNanos    {@link System#nanoTime()} when the write or read returned
 * @param data       the bytes (never changed after capture)
 */
public record CapturedSegment(boolean fromClient, long atNanos, byte[] data) {
}
