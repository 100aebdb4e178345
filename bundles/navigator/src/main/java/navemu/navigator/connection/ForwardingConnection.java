package navemu.navigator.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

import navemu.api.tcp.Connection;

/**
 * A decorator of the tcp slot's connection that changes only its streams. Every other method of
 * {@link Connection} is forwarded here, once, so a decorator cannot forget one: the wire capture
 * once did, and hid the emulated link's {@link Connection#serverNanos()} from every step's time
 * split. Each stream is wrapped on first use and the same wrapper handed out after.
 */
public abstract class ForwardingConnection implements Connection {
    protected final Connection connection;
    private InputStream input;
    private OutputStream output;

    protected ForwardingConnection(Connection connection) {
        this.connection = connection;
    }

    /** What the decorator puts around the connection's input (bytes from the server). */
    protected abstract InputStream wrapInput(InputStream in);

    /** What the decorator puts around the connection's output (bytes to the server). */
    protected abstract OutputStream wrapOutput(OutputStream out);

    @Override
    public final synchronized InputStream input() throws IOException {
        if (input == null) {
            input = wrapInput(connection.input());
        }
        return input;
    }

    @Override
    public final synchronized OutputStream output() throws IOException {
        if (output == null) {
            output = wrapOutput(connection.output());
        }
        return output;
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        connection.setReadTimeout(timeout);
    }

    @Override
    public InetSocketAddress remote() {
        return connection.remote();
    }

    @Override
    public InetSocketAddress local() {
        return connection.local();
    }

    @Override
    public long serverNanos() {
        return connection.serverNanos();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
