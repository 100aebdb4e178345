package navemu.tls.core.handshake;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * Reassembles handshake messages from record fragments (RFC 8446 §5.1): a message may span
 * several records, and a record may hold several messages.
 */
public final class HandshakeAssembler {
    /** Larger than any sane certificate chain; a bigger claimed length is refused before buffering it. */
    public static final int MAX_MESSAGE = 1 << 18;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public void add(byte[] fragment) {
        buffer.writeBytes(fragment);
    }

    /** The next complete message, or null when more fragments are needed. */
    public HandshakeMessage next() throws TlsAlertException {
        byte[] data = buffer.toByteArray();
        if (data.length < 4) {
            return null;
        }
        int length = ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        if (length > MAX_MESSAGE) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    HandshakeType.nameOf(data[0] & 0xff) + " claims " + length + " bytes, more than this client accepts (" + MAX_MESSAGE + ")");
        }
        if (data.length < 4 + length) {
            return null;
        }
        HandshakeMessage message = new HandshakeMessage(data[0] & 0xff, Arrays.copyOfRange(data, 4, 4 + length));
        buffer.reset();
        buffer.write(data, 4 + length, data.length - 4 - length);
        return message;
    }

    /** True when part of a message is waiting for more records. */
    public boolean hasPartialMessage() {
        return buffer.size() > 0;
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
