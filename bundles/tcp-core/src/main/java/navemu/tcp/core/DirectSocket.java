package navemu.tcp.core;

import java.net.Proxy;
import java.net.Socket;

/**
 * The unconnected socket a tcp slot connects: always straight to the address it was given.
 *
 * <p>Why not {@code new Socket()}: that socket asks the JVM's proxy selector at each connect
 * (a {@code socket://host:port} URI parsed, the SOCKS properties read), and with a SOCKS proxy
 * configured ({@code -DsocksProxyHost}, or the system's with {@code java.net.useSystemProxies})
 * it would connect to the proxy instead, while the tcp step still named the address, the port
 * and the round trip of a direct connection. navemu shows a direct connection, so it makes one;
 * and the proxy lookup was most of a plain connect's own CPU in a replay, the SOCKS code among
 * what C1 compiled during its first hundreds of navigations.
 */
public final class DirectSocket {
    private DirectSocket() {
    }

    /** A new unconnected socket that connects without any proxy. */
    public static Socket create() {
        return new Socket(Proxy.NO_PROXY);
    }
}
