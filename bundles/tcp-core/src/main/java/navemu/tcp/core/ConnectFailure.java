package navemu.tcp.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

import navemu.api.NetError;

/**
 * Names a failed connect the way a browser does. The JDK reports every kernel error as a
 * {@link ConnectException} with the OS message, so the message is the only place where
 * ECONNREFUSED (RST to our SYN) and ENETUNREACH / EHOSTUNREACH (no route) differ.
 */
public final class ConnectFailure {

    private ConnectFailure() {
    }

    public static NetError classify(IOException failure) {
        if (failure instanceof SocketTimeoutException) {
            return NetError.ERR_CONNECTION_TIMED_OUT;
        }
        if (failure instanceof NoRouteToHostException) {
            return NetError.ERR_ADDRESS_UNREACHABLE;
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("unreachable") || message.contains("no route")
                || message.contains("cannot assign requested address")
                || message.contains("protocol family unavailable")) {
            return NetError.ERR_ADDRESS_UNREACHABLE;
        }
        if (message.contains("timed out")) {
            return NetError.ERR_CONNECTION_TIMED_OUT;
        }
        if (failure instanceof ConnectException || message.contains("refused")) {
            return NetError.ERR_CONNECTION_REFUSED;
        }
        return NetError.ERR_CONNECTION_FAILED;
    }

    /** What the peer or the network did, in the words of TCP (RFC 9293). */
    public static String explain(NetError error) {
        switch (error) {
            case ERR_CONNECTION_REFUSED:
                return "the peer answered our SYN with RST: nothing listens on that port";
            case ERR_CONNECTION_TIMED_OUT:
                return "no SYN-ACK arrived within the connect timeout";
            case ERR_ADDRESS_UNREACHABLE:
                return "no route to that address from this machine";
            default:
                return "the connection could not be made";
        }
    }
}
