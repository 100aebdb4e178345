package navemu.navigator.capture;

import navemu.api.tcp.Connection;

/**
 * Told when a navigation sends a request on a connection an earlier navigation made (HTTP
 * keep-alive): the wire capture then keeps that connection's bytes in this navigation's capture,
 * since they belong to it, and says the connection began earlier.
 */
public interface ReusedConnectionTap {
    /** @param tcp the tcp slot's connection as this tap handed it out when it was made; @param id its number */
    void continueOn(Connection tcp, long id);
}
