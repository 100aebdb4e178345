package navemu.hostile;

/**
 * A real HTTPS server on loopback that the fuzzer puts its proxy in front of. It always answers
 * {@link #request()} with exactly {@link #expectedResponse()}, so a completed connection can be
 * checked byte for byte.
 */
interface FuzzServer extends AutoCloseable {

    /** For the report, e.g. {@code jdk-tls13}. */
    String name();

    /**
     * Where the next connection should go. A server that handles one connection at a time lends
     * one of its processes out until {@link #release}, so a connection the fuzzer stalls holds up
     * no other; it may wait for one to come free.
     */
    int port() throws InterruptedException;

    /** The connection to {@code port} is over. */
    default void release(int port) {
    }

    byte[] request();

    byte[] expectedResponse();

    @Override
    void close();
}
