package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.util.List;

import org.xbill.DNS.Message;

/**
 * A query answered by one server.
 *
 * @param server       who answered
 * @param response     the parsed, checked response
 * @param transport    {@code udp}, or {@code tcp} when the UDP answer was truncated
 * @param querySize    bytes of the (last) query sent
 * @param responseSize bytes of the response
 * @param roundTrips   UDP attempts, plus two for a TCP retry (handshake and query)
 * @param notes        what happened on the way (retries, truncation, ignored datagrams)
 * @param millis       from the first send to the usable answer
 */
record Exchange(InetSocketAddress server, Message response, String transport, int querySize, int responseSize,
                int roundTrips, List<String> notes, double millis) {
}
