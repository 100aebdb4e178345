package navemu.cert.pkix.x509;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/** IP address bytes as people write them. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** 4 bytes as dotted quad, 16 bytes in the JDK's IPv6 form; anything else as hex. */
    public static String format(byte[] address) {
        if (address.length == 4 || address.length == 16) {
            try {
                return InetAddress.getByAddress(address).getHostAddress();
            } catch (UnknownHostException e) {
                // Only thrown for a wrong length, excluded above.
            }
        }
        return "0x" + HexFormat.of().formatHex(address);
    }
}
