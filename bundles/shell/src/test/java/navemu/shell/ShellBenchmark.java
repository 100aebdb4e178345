package navemu.shell;

import java.util.Arrays;
import java.util.Locale;

import com.google.gson.JsonElement;

import navemu.api.result.NavigationResult;
import navemu.shell.expect.ExpectEvaluator;
import navemu.shell.expect.Expectation;
import navemu.shell.fixtures.Results;
import navemu.shell.parse.CommandParser;
import navemu.shell.render.HumanRenderer;
import navemu.shell.render.JsonRenderer;

/**
 * How much the shell itself adds to a navigation: parsing a line, the JSON line, the human
 * summary, one expectation. Prints microseconds per operation; not a test (numbers vary by
 * machine), run it by hand:
 * {@code java -cp target/classes:target/test-classes:<deps> navemu.shell.ShellBenchmark}.
 */
public final class ShellBenchmark {

    private ShellBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        JsonRenderer json = new JsonRenderer();
        CommandParser parser = new CommandParser();
        ExpectEvaluator evaluator = new ExpectEvaluator();
        HumanRenderer human = new HumanRenderer();
        JsonElement tree = json.toTree(result);
        Expectation expectation = Expectation.parse(Arrays.asList("steps.tls.rtts", "<=", "2"));
        int rounds = 20_000;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            report(pass, "parse a line", rounds, () -> parser.parse("open https://www.lab.test/; expect tls.version == \"TLSv1.3\""));
            report(pass, "JSON line", rounds, () -> json.toLine(result));
            report(pass, "JSON tree", rounds, () -> json.toTree(result));
            report(pass, "human summary", rounds, () -> human.render(result, 120));
            report(pass, "one expect", rounds, () -> evaluator.evaluate(expectation, tree));
        }
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private static void report(int pass, String what, int rounds, Work work) throws Exception {
        Object sink = null;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink = work.run();
        }
        long elapsed = System.nanoTime() - start;
        if (pass > 0) {
            System.out.printf(Locale.ROOT, "%-14s %8.2f µs%s%n", what, elapsed / 1e3 / rounds, sink == null ? "?" : "");
        }
    }
}
