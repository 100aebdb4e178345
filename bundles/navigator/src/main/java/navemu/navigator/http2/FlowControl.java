package navemu.navigator.http2;

import java.util.ArrayList;
import java.util.List;

/**
 * The flow-control windows (RFC 9113 §5.2, §6.9) of the connection and of the stream we have
 * open, both ways: what we may still send (the server's windows, opened by its WINDOW_UPDATE and
 * changed by its SETTINGS_INITIAL_WINDOW_SIZE), and what the server may still send (ours, opened
 * by the WINDOW_UPDATE we send as Chrome does). No window may pass 2^31-1 (§6.9.1).
 *
 * <p>We open one stream at a time, so one set of stream windows is enough; {@link #openStream}
 * starts them afresh for the next.
 */
final class FlowControl {
    /** Our connection window: the default, and Chrome's WINDOW_UPDATE right after its SETTINGS. */
    static final long OUR_CONNECTION_WINDOW = Settings.DEFAULT_WINDOW + (long) Settings.OUR_CONNECTION_WINDOW_INCREMENT;

    /** Whether we give the server credit back as we read (always, but for a test of its window being overrun). */
    private final boolean replenish;
    private int streamId;

    // What we may still send: on the connection, on a new stream (the server's SETTINGS), on ours.
    private long connectionSendWindow = Settings.DEFAULT_WINDOW;
    private long peerInitialWindow = Settings.DEFAULT_WINDOW;
    private long streamSendWindow;

    // What the server may still send before our next WINDOW_UPDATE, and what it sent since our last one.
    private long connectionReceiveWindow = OUR_CONNECTION_WINDOW;
    private long connectionUnacknowledged;
    private long streamReceiveWindow;
    private long streamUnacknowledged;

    FlowControl(boolean replenish) {
        this.replenish = replenish;
    }

    /** A new stream: its windows are the initial ones, the server's SETTINGS and ours (§6.9.2). */
    void openStream(int id) {
        streamId = id;
        streamSendWindow = peerInitialWindow;
        streamReceiveWindow = Settings.OUR_INITIAL_WINDOW_SIZE;
        streamUnacknowledged = 0;
    }

    // --- sending ---------------------------------------------------------------------------

    /** How many octets of DATA may go now: what both windows allow, at most one frame; 0 or less when one is closed. */
    long sendRoom(int maxFrameSize) {
        return Math.min(Math.min(connectionSendWindow, streamSendWindow), maxFrameSize);
    }

    /** {@code n} octets of DATA went on our stream: both windows shrink by them. */
    void sent(int n) {
        connectionSendWindow -= n;
        streamSendWindow -= n;
    }

    /**
     * The server's SETTINGS_INITIAL_WINDOW_SIZE (already checked to be at most 2^31-1): new streams
     * start with it, and the open stream's window changes by the difference (§6.9.2), even below 0;
     * taking it past 2^31-1 is a connection error (§6.9.2; Chromium drains the session).
     */
    void peerInitialWindow(long value) throws Http2Error {
        streamSendWindow += value - peerInitialWindow;
        peerInitialWindow = value;
        if (streamSendWindow > Settings.MAX_WINDOW) {
            throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "SETTINGS_INITIAL_WINDOW_SIZE " + value
                    + " takes stream " + streamId + "'s send window past 2^31-1 (RFC 9113 §6.9.2)");
        }
    }

    /** The server's WINDOW_UPDATE on stream 0. */
    void creditConnection(long increment) throws Http2Error {
        if (increment == 0) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "a WINDOW_UPDATE of 0 on the connection (RFC 9113 §6.9)");
        }
        connectionSendWindow += increment;
        if (connectionSendWindow > Settings.MAX_WINDOW) {
            throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "the connection's send window passed 2^31-1 (RFC 9113 §6.9.1)");
        }
    }

    /** The server's WINDOW_UPDATE on our open stream: its errors are the stream's alone (§6.9, §6.9.1). */
    void creditStream(long increment) throws Http2Error {
        if (increment == 0) {
            throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR, "a WINDOW_UPDATE of 0 on stream " + streamId + " (RFC 9113 §6.9)");
        }
        streamSendWindow += increment;
        if (streamSendWindow > Settings.MAX_WINDOW) {
            throw Http2Error.stream(ErrorCode.FLOW_CONTROL_ERROR,
                    "stream " + streamId + "'s send window passed 2^31-1 (RFC 9113 §6.9.1)");
        }
    }

    // --- receiving -------------------------------------------------------------------------

    /** A DATA frame of {@code length} octets (padding included, §6.9.1) on any stream: the connection's window pays. */
    void receivedOnConnection(long length) throws Http2Error {
        if (length > connectionReceiveWindow) {
            throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "the server sent " + length
                    + " octets of DATA with only " + connectionReceiveWindow + " left in the connection's window (RFC 9113 §6.9.1)");
        }
        connectionReceiveWindow -= length;
        connectionUnacknowledged += length;
    }

    /** The same DATA frame, on our open stream: the stream's window pays too; overrunning it ends the connection (§6.9.1). */
    void receivedOnStream(long length) throws Http2Error {
        if (length > streamReceiveWindow) {
            throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "the server sent " + length + " octets of DATA on stream "
                    + streamId + " with only " + streamReceiveWindow + " left in its window (RFC 9113 §6.9.1)");
        }
        streamReceiveWindow -= length;
        streamUnacknowledged += length;
    }

    /**
     * The WINDOW_UPDATE frames to send now, the stream's first. Chrome's rule: once half a window
     * has been used, the whole used part is given back, for the stream and for the connection.
     */
    List<Frame> windowUpdates() {
        List<Frame> updates = new ArrayList<>(2);
        if (!replenish) {
            return updates;
        }
        if (streamUnacknowledged >= Settings.OUR_INITIAL_WINDOW_SIZE / 2) {
            updates.add(FrameWriter.windowUpdate(streamId, (int) streamUnacknowledged));
            streamReceiveWindow += streamUnacknowledged;
            streamUnacknowledged = 0;
        }
        if (connectionUnacknowledged >= OUR_CONNECTION_WINDOW / 2) {
            updates.add(FrameWriter.windowUpdate(0, (int) connectionUnacknowledged));
            connectionReceiveWindow += connectionUnacknowledged;
            connectionUnacknowledged = 0;
        }
        return updates;
    }
}
