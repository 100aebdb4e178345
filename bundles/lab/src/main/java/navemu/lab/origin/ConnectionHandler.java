package navemu.lab.origin;

import java.io.IOException;
import java.net.Socket;

/** Serves one accepted TCP connection of an origin; the caller closes the socket afterwards. */
interface ConnectionHandler {

    void handle(Socket socket) throws IOException;
}
