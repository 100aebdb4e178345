package navemu.navigator;

import java.util.List;

import navemu.api.result.StepResult;
import navemu.api.trace.TraceEvent;

/** What the connection tests read from a navigation's trace and steps, one way for all of them. */
final class TraceLines {
    private TraceLines() {
    }

    /** The info lines {@code step} wrote, in order. */
    static List<String> infos(List<TraceEvent> events, String step) {
        return events.stream().filter(e -> e.kind() == TraceEvent.Kind.INFO && step.equals(e.step()))
                .map(TraceEvent::text).toList();
    }

    /** Every failed step as {@code step: ERROR text}, in order. */
    static List<String> failures(List<TraceEvent> events) {
        return events.stream().filter(e -> e.kind() == TraceEvent.Kind.STEP_ERROR)
                .map(e -> e.step() + ": " + e.name() + " " + e.text()).toList();
    }

    /** The result's step names, in order. */
    static List<String> stepNames(List<StepResult> steps) {
        return steps.stream().map(s -> s.step).toList();
    }
}
