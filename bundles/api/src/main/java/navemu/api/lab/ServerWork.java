package navemu.api.lab;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The work a server running in this process did on one TCP connection, for the time split of a
 * step on a plain socket: without it, the lab server's time to answer (its first handshake's
 * class loading and key reading above all) would be counted as time on the network. The lab
 * registers it.
 */
@ProviderType
public interface ServerWork {

    /**
     * The CPU time, in nanoseconds, the server has spent so far on the connection from
     * {@code client} to {@code server}: the time of the thread that serves it. -1 when the
     * connection is not one of this server's, or when its work is not done on that thread (a
     * server in a child process).
     */
    long cpuNanos(InetSocketAddress client, InetSocketAddress server);
}
