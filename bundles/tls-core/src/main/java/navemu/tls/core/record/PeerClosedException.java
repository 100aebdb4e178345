package navemu.tls.core.record;

import java.io.EOFException;

/** The peer closed the TCP connection between two records, without a close_notify. */
public class PeerClosedException extends EOFException {
    private static final long serialVersionUID = 1L;

    public PeerClosedException(String message) {
        super(message);
    }
}
