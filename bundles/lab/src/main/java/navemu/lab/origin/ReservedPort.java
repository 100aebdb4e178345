package navemu.lab.origin;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import navemu.lab.LabAddress;

/**
 * A loopback port held by a bound socket that does not listen, for a site that cannot run: the
 * port is the site's (no other program gets it while the lab runs), and a connection to it is
 * refused at once (RST), which a browser reports as ERR_CONNECTION_REFUSED.
 */
final class ReservedPort implements Closeable {

    private final Socket holder = new Socket();

    ReservedPort() throws IOException {
        holder.bind(new InetSocketAddress(LabAddress.LOOPBACK, 0));
    }

    int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
