package navemu.tls.browser.interop;

/** A TLS server of the interop matrix, listening on a loopback port until closed. */
interface InteropServer extends AutoCloseable {

    int port();

    /** What the server said (its log), shown when an assertion fails. */
    String output();

    @Override
    void close();
}
