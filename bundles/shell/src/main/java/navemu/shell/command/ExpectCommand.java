package navemu.shell.command;

import java.util.List;
import java.util.Optional;

import com.google.gson.JsonElement;

import navemu.shell.expect.ExpectEvaluator;
import navemu.shell.expect.Expectation;
import navemu.shell.expect.Verdict;
import navemu.shell.parse.CommandLine;

/** {@code expect PATH OP VALUE}: checks the last navigation's result; scripts count these. */
public final class ExpectCommand implements Command {
    private final ExpectEvaluator evaluator = new ExpectEvaluator();

    @Override
    public String name() {
        return "expect";
    }

    @Override
    public String usage() {
        return "expect PATH OP VALUE";
    }

    @Override
    public String summary() {
        return "check the last result, e.g. expect tls.version == TLSv1.3 (OP: == != <= >= ~; null = absent)";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException {
        Expectation expectation;
        try {
            expectation = Expectation.parse(line.args());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Optional<JsonElement> tree = session.lastTree();
        if (tree.isEmpty()) {
            // Nothing to compare with: not even "!= 200" or "== null" can be said to hold.
            return new CommandResult(Outcome.EXPECT_FAILED, expectation + " failed: there is no result yet (run open first)");
        }
        Verdict verdict;
        try {
            verdict = evaluator.evaluate(expectation, tree.get());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (verdict.held()) {
            return new CommandResult(Outcome.EXPECT_HELD, expectation + " held");
        }
        return new CommandResult(Outcome.EXPECT_FAILED, expectation + " failed: " + verdict.found());
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        if (index == 0) {
            return List.of("status", "ok", "error", "finalUrl", "tls.version", "tls.cipherSuite", "tls.group",
                    "tls.resumed", "tls.alpn", "tls.alertSent", "tls.failedAt", "cert.valid", "cert.error", "cert.subject", "hsts.upgraded",
                    "hsts.stored", "http.status", "redirects.length", "steps.0.impl");
        }
        if (index == 1) {
            return List.of("==", "!=", "<=", ">=", "~");
        }
        return List.of();
    }
}
