package navemu.api.trace;

/**
 * One wait for the network, opened with {@link StepTrace#networkWait()} just before the calling
 * thread blocks (on a reply, a packet crossing the emulated link, a connect) and closed as soon as
 * it may go on. The step counts the time during which at least one wait was open as its network
 * time; everything else in the step is local work. Closing twice is harmless.
 */
@FunctionalInterface
public interface NetworkWait extends AutoCloseable {

    /** The wait is over: the bytes are in, or the wait failed. Never throws. */
    @Override
    void close();

    /** A wait that counts nothing, for traces that do not measure. */
    NetworkWait NONE = () -> { };
}
