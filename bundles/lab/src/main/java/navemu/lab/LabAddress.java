package navemu.lab;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one address every lab server binds: 127.0.0.1, which the zone's A records name. Not
 * {@code InetAddress.getLoopbackAddress()}, which becomes ::1 under -Djava.net.preferIPv6Addresses=true.
 */
public final class LabAddress {

    public static final InetAddress LOOPBACK = loopback();

    private LabAddress() {
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a 4-byte address is always accepted
        }
    }
}
