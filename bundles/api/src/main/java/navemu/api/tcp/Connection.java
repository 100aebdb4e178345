package navemu.api.tcp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connected byte stream, as the TLS slot and plain HTTP see it. It may be a plain socket or a
 * shaped, emulated link; TLS only ever sees these streams.
 */
@ConsumerType
public interface Connection extends Closeable {

    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** Every read waits at most this long, then throws {@link java.net.SocketTimeoutException}. */
    void setReadTimeout(Duration timeout) throws IOException;

    InetSocketAddress remote();

    InetSocketAddress local();

    /**
     * Of the time reads on this connection were blocked so far, how much was the server working on
     * its answer (from our last bytes reaching it to its answer leaving it), as far as this
     * connection can see both moments. An emulated link can (it hands bytes to a local socket and
     * takes the answer off it, before adding the link's delay); a plain socket cannot, since a
     * real network's delay sits between, and answers -1.
     */
    default long serverNanos() {
        return -1;
    }

    @Override
    void close() throws IOException;
}
