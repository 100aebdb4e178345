package navemu.navigator.http2;

import java.util.List;
import java.util.Map;

import navemu.api.trace.StepTrace;

/**
 * The trace of one exchange's frames: one event per frame sent or received, in the order they
 * went or came, its fields told by {@link FrameNarration}.
 *
 * <p>A server can send frames faster than anyone reads them (a PING flood), so an exchange lists
 * at most {@link #MAX_TRACED_FRAMES} frames one by one, and up to four times as many when they are
 * not DATA, PING or WINDOW_UPDATE; the rest are counted, and the count said when the exchange ends.
 */
final class FrameTrace {
    /** The trace lists this many frames one by one per exchange; the rest are counted (a flood must not fill memory). */
    static final int MAX_TRACED_FRAMES = 256;

    private StepTrace step = StepTrace.NONE;
    private int traced;
    private int untraced;

    /** A new exchange: its frames go to {@code step}, counted afresh. */
    void startExchange(StepTrace step) {
        this.step = step;
        traced = 0;
        untraced = 0;
    }

    /** The exchange's step, for what is not a frame: a wait, a note. */
    StepTrace step() {
        return step;
    }

    /** The client connection preface (RFC 9113 §3.4): not a frame, always listed. */
    void prefaceSent(int length) {
        step.sent("connection preface", length, Map.of("text", "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n"));
    }

    /** @param headers the decoded header list a HEADERS or CONTINUATION frame completed, else null */
    void sent(Frame frame, List<Map.Entry<String, String>> headers) {
        if (listed(frame)) {
            step.sent(frame.typeName(), frame.length(), FrameNarration.of(frame, headers));
        }
    }

    /** @param headers the decoded header list, for the HEADERS frame that began the block, else null */
    void received(Frame frame, List<Map.Entry<String, String>> headers) {
        if (listed(frame)) {
            step.received(frame.typeName(), frame.length(), FrameNarration.of(frame, headers));
        }
    }

    void received(Frame frame) {
        received(frame, null);
    }

    /** Says how many of the exchange's frames were only counted, if any were. */
    void endExchange() {
        if (untraced > 0) {
            step.info(untraced + " more HTTP/2 frames were read or sent but not listed one by one");
        }
    }

    /** Whether {@code frame} gets its own event; if not, it is counted. */
    private boolean listed(Frame frame) {
        FrameType type = frame.frameType();
        boolean notable = type != FrameType.DATA && type != FrameType.PING && type != FrameType.WINDOW_UPDATE;
        if (traced >= MAX_TRACED_FRAMES && !notable || traced >= 4 * MAX_TRACED_FRAMES) {
            untraced++;
            return false;
        }
        traced++;
        return true;
    }
}
