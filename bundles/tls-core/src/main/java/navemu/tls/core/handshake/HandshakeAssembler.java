package navemu.tls.core.handshake;

import java.util.Arrays;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * Reassembles handshake messages from record fragments (RFC 8446 §5.1): a message may span
 * several records, and a record may hold several messages.
 *
 * <p>The work is linear in the bytes received: fragments are appended to one buffer that grows
 * by doubling, and a message is copied out once, when it is complete. (Copying everything
 * buffered on each fragment made a 256 KiB message sent in 1-byte records cost seconds of CPU.)
 */
public final class HandshakeAssembler {
    /** Larger than any sane certificate chain; a bigger claimed length is refused before buffering it. */
    public static final int MAX_MESSAGE = 1 << 18;
    private static final int HEADER = 4;

    private byte[] buffer = new byte[1 << 12];
    /** The unread bytes are buffer[start..end). */
    private int start;
    private int end;

    public void add(byte[] fragment) {
        if (end + fragment.length > buffer.length) {
            makeRoom(fragment.length);
        }
        System.arraycopy(fragment, 0, buffer, end, fragment.length);
        end += fragment.length;
    }

    /** Moves the unread bytes to the front and doubles the buffer until {@code more} bytes fit. */
    private void makeRoom(int more) {
        int unread = end - start;
        int capacity = buffer.length;
        while (unread + more > capacity) {
            capacity *= 2;
        }
        byte[] target = capacity == buffer.length ? buffer : new byte[capacity];
        System.arraycopy(buffer, start, target, 0, unread);
        buffer = target;
        start = 0;
        end = unread;
    }

    /** The next complete message, or null when more fragments are needed. */
    public HandshakeMessage next() throws TlsAlertException {
        int unread = end - start;
        if (unread < HEADER) {
            return null;
        }
        int type = buffer[start] & 0xff;
        int length = ((buffer[start + 1] & 0xff) << 16) | ((buffer[start + 2] & 0xff) << 8) | (buffer[start + 3] & 0xff);
        if (length > MAX_MESSAGE) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    HandshakeType.nameOf(type) + " claims " + length + " bytes, more than this client accepts (" + MAX_MESSAGE + ")");
        }
        if (unread < HEADER + length) {
            return null;
        }
        HandshakeMessage message = new HandshakeMessage(type, Arrays.copyOfRange(buffer, start + HEADER, start + HEADER + length));
        start += HEADER + length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return message;
    }

    /** True when part of a message is waiting for more records. */
    public boolean hasPartialMessage() {
        return end > start;
    }

    /**
     * Handshake messages must not span a key change (RFC 8446 §5.1): call before switching
     * read keys; leftover bytes are an unexpected_message.
     */
    public void checkKeyChangeBoundary(String afterMessage) throws TlsAlertException {
        if (hasPartialMessage()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "handshake data follows " + afterMessage + " in the same record, across a key change (RFC 8446 §5.1)");
        }
    }
}
