package navemu.shell.command;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run of commands came to: expectations that held and failed, commands that erred or
 * were written wrong, navigations that failed. Decides the exit status.
 */
public final class Tally {
    private int held;
    private int failed;
    private int errors;
    private int usageErrors;
    private int failedNavigations;
    private boolean quit;
    private final List<Check> checks = new ArrayList<>();

    /** Counts {@code check} by its kind and keeps it for reports. */
    public void add(Check check) {
        checks.add(check);
        switch (check.kind()) {
            case HELD: held++; break;
            case FAILED: failed++; break;
            case ERROR: errors++; break;
            default: usageErrors++; break;
        }
    }

    /** Every verdict, in order. */
    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public void failedNavigation() {
        failedNavigations++;
    }

    public void quit() {
        quit = true;
    }

    public void add(Tally other) {
        checks.addAll(other.checks);
        held += other.held;
        failed += other.failed;
        errors += other.errors;
        usageErrors += other.usageErrors;
        failedNavigations += other.failedNavigations;
        quit |= other.quit;
    }

    public boolean quitRequested() {
        return quit;
    }

    public int heldCount() {
        return held;
    }

    public int failedCount() {
        return failed;
    }

    public int errorCount() {
        return errors + usageErrors;
    }

    public boolean ranExpectations() {
        return held + failed > 0;
    }

    /**
     * 2 when a command was written wrong; 1 when an expectation failed or a command erred, or,
     * in a run without any expectation, when a navigation failed (with expectations, the
     * script says itself which failures it expects); else 0.
     */
    public int exitStatus() {
        if (usageErrors > 0) {
            return 2;
        }
        if (failed > 0 || errors > 0 || (!ranExpectations() && failedNavigations > 0)) {
            return 1;
        }
        return 0;
    }

    /** {@code N passed, N failed}, plus the commands that erred when there were any. */
    public String summary() {
        String line = held + " passed, " + failed + " failed";
        int erred = errors + usageErrors;
        return erred == 0 ? line : line + ", " + erred + (erred == 1 ? " command erred" : " commands erred");
    }
}
