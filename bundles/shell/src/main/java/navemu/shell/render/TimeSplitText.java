package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;

/**
 * Where a step's time went, in one phrase for every view (timeline, explain, compare):
 * {@code 1 rtt 100 ms + client 2.1 ms + server 0.9 ms}. The network part comes first, with the
 * round trips it was spent on; "client" is our local work; "server" appears only where the link
 * could see the server's own time (the emulated link). Empty when the step did not say.
 */
public final class TimeSplitText {

    private TimeSplitText() {
    }

    public static Optional<String> of(StepResult step) {
        if (step == null || step.networkMs == null || step.localMs == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        if (step.rtts > 0 || step.networkMs > 0) {
            text.append(step.rtts > 0 ? step.rtts + " rtt " : "network ").append(Durations.ms(step.networkMs))
                    .append(" + ");
        }
        text.append("client ").append(Durations.ms(step.localMs));
        if (step.serverMs != null) {
            text.append(" + server ").append(Durations.ms(step.serverMs));
        }
        return Optional.of(text.toString());
    }

    /** The whole navigation's split, summed over the steps that say (every hop), e.g. {@code network 400 ms (4 rtt) + client 12 ms}. */
    public static Optional<String> total(NavigationResult result) {
        Sum sum = sum(result);
        if (sum.steps == 0) {
            return Optional.empty();
        }
        return Optional.of("network " + Durations.ms(sum.network) + " (" + sum.rtts + " rtt) + client "
                + Durations.ms(sum.local) + (sum.server == null ? "" : " + server " + Durations.ms(sum.server)));
    }

    /** For {@code explain}: where the navigation's time went, in words, then step by step. */
    public static Optional<String> explain(NavigationResult result) {
        Sum sum = sum(result);
        if (sum.steps == 0) {
            return Optional.empty();
        }
        List<String> phrases = new ArrayList<>();
        for (StepResult step : steps(result)) {
            of(step).ifPresent(phrase -> phrases.add(step.step + " " + phrase));
        }
        return Optional.of("Of the time the steps took, " + Durations.ms(sum.network) + " went waiting on the network ("
                + sum.rtts + " round trip" + (sum.rtts == 1 ? "" : "s") + "), " + Durations.ms(sum.local)
                + " on the client's own work (keys, signatures, certificate validation, parsing)"
                + (sum.server == null ? "" : " and " + Durations.ms(sum.server) + " on the server's")
                + ": " + String.join("; ", phrases) + ".");
    }

    private static List<StepResult> steps(NavigationResult result) {
        List<StepResult> steps = new ArrayList<>();
        result.redirects.forEach(hop -> steps.addAll(hop.steps));
        steps.addAll(result.steps);
        return steps;
    }

    private static Sum sum(NavigationResult result) {
        Sum sum = new Sum();
        for (StepResult step : steps(result)) {
            if (step.networkMs == null || step.localMs == null) {
                continue;
            }
            sum.steps++;
            sum.rtts += step.rtts;
            sum.network += step.networkMs;
            sum.local += step.localMs;
            if (step.serverMs != null) {
                sum.server = (sum.server == null ? 0 : sum.server) + step.serverMs;
            }
        }
        return sum;
    }

    private static final class Sum {
        int steps;
        int rtts;
        double network;
        double local;
        Double server;
    }
}
