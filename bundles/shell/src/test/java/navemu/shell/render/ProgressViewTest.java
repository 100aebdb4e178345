package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.trace.TraceEvent;
import navemu.api.trace.TraceEvent.Kind;

@Timeout(30)
class ProgressViewTest {

    /** A terminal-like console that records what it was asked to show. */
    static final class LiveConsole implements Console {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> transients = new CopyOnWriteArrayList<>();

        @Override public void out(AttributedString line) { lines.add(line.toString()); }
        @Override public void err(AttributedString line) { lines.add(line.toString()); }
        @Override public void transientLine(AttributedString line) { transients.add(line.toString()); }
        @Override public boolean live() { return true; }
        @Override public int width() { return 100; }
    }

    private static TraceEvent event(Kind kind, String name, String text, Map<String, String> fields, int rtts) {
        return new TraceEvent(kind, "dns", "dnsjava", System.nanoTime(), name, text, fields, rtts);
    }

    @Test
    void aStepAppearsWhenItStartsAndIsCompletedInPlace() {
        LiveConsole console = new LiveConsole();
        try (ProgressView view = new ProgressView(console)) {
            view.onEvent(event(Kind.STEP_START, "dns", "", Map.of(), 0));
            assertEquals("  … dns   dnsjava", console.transients.get(0).stripTrailing());
            view.onEvent(event(Kind.STEP_END, "dns", "", Map.of("durationMs", "3.2"), 1));
            assertEquals("  ✓ dns   dnsjava        3.2 ms 1 rtt", console.transients.get(console.transients.size() - 1));
            assertEquals(List.of(), console.lines, "the live line leaves no copy: the summary lists each step once");
        }
    }

    @Test
    void aFailedStepShowsTheErrorAndWhy() {
        LiveConsole console = new LiveConsole();
        try (ProgressView view = new ProgressView(console)) {
            view.onEvent(event(Kind.STEP_START, "dns", "", Map.of(), 0));
            view.onEvent(event(Kind.STEP_ERROR, "ERR_NAME_NOT_RESOLVED", "NXDOMAIN for nosuch.lab.test", Map.of("durationMs", "2.0"), 1));
            assertEquals("  ✗ dns   dnsjava        2.0 ms 1 rtt ERR_NAME_NOT_RESOLVED  NXDOMAIN for nosuch.lab.test",
                    console.transients.get(console.transients.size() - 1));
            assertEquals(List.of(), console.lines);
        }
    }

    @Test
    void aSlowStepShowsThatItIsWaitingAndForHowLong() throws InterruptedException {
        LiveConsole console = new LiveConsole();
        try (ProgressView view = new ProgressView(console)) {
            view.onEvent(event(Kind.STEP_START, "dns", "", Map.of(), 0));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (console.transients.stream().noneMatch(t -> t.contains("waiting on the network")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(console.transients.stream().anyMatch(t -> t.matches("  … dns   dnsjava +\\d+ ms waiting on the network")),
                    console.transients.toString());
        }
    }
}
