package navemu.shell.expect;

/**
 * Whether an expectation held, and what was actually found (for the failure message:
 * {@code expect status == 404 failed: status is 200}).
 */
public record Verdict(boolean held, String found) {
}
