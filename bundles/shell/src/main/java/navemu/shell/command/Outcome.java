package navemu.shell.command;

/** How one command ended, as the script runner counts it. */
public enum Outcome {
    /** The command did what it was asked. */
    DONE,
    /** An {@code expect} held. */
    EXPECT_HELD,
    /** An {@code expect} did not hold. */
    EXPECT_FAILED,
    /** The command ran but did not succeed as a whole (a replayed script with failures). */
    FAILED,
    /** The user asked to leave. */
    QUIT
}
