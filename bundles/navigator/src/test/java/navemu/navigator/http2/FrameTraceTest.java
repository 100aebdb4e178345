package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The per-exchange budget of listed frames: a flood is counted, not listed. */
class FrameTraceTest {
    private static final Frame DATA = FrameWriter.data(1, false, new byte[1]);
    private static final Frame SETTINGS_ACK = FrameWriter.settingsAck();

    @Test
    void dataPastTheBudgetIsCountedWhileControlFramesGoOnToFourTimesIt() {
        Http2TransportTest.Recorded step = new Http2TransportTest.Recorded();
        FrameTrace trace = new FrameTrace();
        trace.startExchange(step);
        for (int i = 0; i < FrameTrace.MAX_TRACED_FRAMES + 10; i++) {
            trace.received(DATA);
        }
        assertEquals(FrameTrace.MAX_TRACED_FRAMES, step.lines.size(), "DATA stops being listed at the budget");
        trace.sent(SETTINGS_ACK, null);
        assertEquals("SENT SETTINGS", step.lines.get(step.lines.size() - 1), "a control frame is still listed");
        for (int i = 0; i < 4 * FrameTrace.MAX_TRACED_FRAMES; i++) {
            trace.received(SETTINGS_ACK);
        }
        assertEquals(4 * FrameTrace.MAX_TRACED_FRAMES, step.lines.size(), "nothing is listed past four times the budget");
        trace.endExchange();
        int counted = 10 + (FrameTrace.MAX_TRACED_FRAMES + 1);
        assertEquals(List.of(counted + " more HTTP/2 frames were read or sent but not listed one by one"), step.infos);
    }

    @Test
    void eachExchangeStartsAFreshBudget() {
        FrameTrace trace = new FrameTrace();
        Http2TransportTest.Recorded first = new Http2TransportTest.Recorded();
        trace.startExchange(first);
        for (int i = 0; i < 4 * FrameTrace.MAX_TRACED_FRAMES + 1; i++) {
            trace.received(SETTINGS_ACK);
        }
        trace.endExchange();
        Http2TransportTest.Recorded second = new Http2TransportTest.Recorded();
        trace.startExchange(second);
        trace.received(DATA);
        trace.endExchange();
        assertEquals(List.of("RECEIVED DATA"), second.lines);
        assertTrue(second.infos.isEmpty(), "nothing counted in the second exchange: " + second.infos);
    }
}
