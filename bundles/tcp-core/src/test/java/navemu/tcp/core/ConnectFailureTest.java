package navemu.tcp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;

/**
 * The kernel's errors as the JDK reports them (the messages of Linux's ECONNREFUSED, ENETUNREACH,
 * EHOSTUNREACH), named as a browser names them. Unreachable networks cannot be made on loopback
 * without risking a packet to the Internet, so these are the JDK's exceptions, built by hand.
 */
class ConnectFailureTest {

    @Test
    void aResetAnswerToTheSynIsRefused() {
        assertEquals(NetError.ERR_CONNECTION_REFUSED, ConnectFailure.classify(new ConnectException("Connection refused")));
    }

    @Test
    void noSynAckWithinTheTimeoutIsTimedOut() {
        assertEquals(NetError.ERR_CONNECTION_TIMED_OUT, ConnectFailure.classify(new SocketTimeoutException("Connect timed out")));
    }

    @Test
    void noRouteIsAddressUnreachable() {
        assertEquals(NetError.ERR_ADDRESS_UNREACHABLE, ConnectFailure.classify(new NoRouteToHostException("No route to host")));
        assertEquals(NetError.ERR_ADDRESS_UNREACHABLE, ConnectFailure.classify(new ConnectException("Network is unreachable")));
    }

    @Test
    void anythingElseIsAPlainConnectionFailure() {
        assertEquals(NetError.ERR_CONNECTION_FAILED, ConnectFailure.classify(new IOException("something odd")));
    }
}
