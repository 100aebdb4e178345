package navemu.navigator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import navemu.api.tcp.Connection;

/**
 * A connection from 127.0.0.1:50000 to 127.0.0.1:443 with no bytes, which has seen the server work
 * for {@code serverNanos} so far (-1: it cannot see the server), for tests of what decorators of
 * the tcp slot do with that figure.
 */
public record FixedServerTimeConnection(long serverNanos) implements Connection {
    @Override
    public InputStream input() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public OutputStream output() {
        return new ByteArrayOutputStream();
    }

    @Override
    public void setReadTimeout(Duration timeout) {
    }

    @Override
    public InetSocketAddress remote() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 443);
    }

    @Override
    public InetSocketAddress local() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
    }

    @Override
    public void close() {
    }
}
