package navemu.lab.origin;

import java.io.IOException;
import java.net.Socket;

/** Serves one accepted TCP connection of an origin; the caller closes the socket afterwards. */
interface ConnectionHandler {

    void handle(Socket socket) throws IOException;

    /**
     * True when the whole of a connection's serving runs on the thread that calls {@link #handle},
     * so that thread's CPU time is the server's work on it (see {@link ConnectionCpu}).
     */
    default boolean worksOnItsThread() {
        return true;
    }
}
