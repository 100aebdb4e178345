package navemu.dns.system;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/**
 * What getaddrinfo would do if the system were configured to send a zone to its server: an A and
 * an AAAA query sent together over UDP, nothing else (no HTTPS record, no cache, no retry). Java 17's
 * InetAddress cannot be pointed at another server (a resolver SPI only came with JEP 418 in Java 18),
 * so names under a registered {@link ZoneServer} are asked this way, and the trace says so.
 *
 * <p>Plain sockets, not dnsjava's resolvers: those start a background NIO thread with a JVM shutdown
 * hook, which outlives the bundle when the framework stops.
 */
final class ZoneLookup {

    private ZoneLookup() {
    }

    static List<InetAddress> resolve(String name, ZoneServer zone, Duration timeout, StepTrace trace)
            throws NavigationException {
        trace.info("Java 17's InetAddress cannot ask the zone server of " + zone.zone() + " (" + zone.address()
                + ") (a resolver SPI arrived only in Java 18, JEP 418): asking it directly, A and AAAA in parallel"
                + " as getaddrinfo does, without HTTPS record or cache");
        Name qname;
        try {
            qname = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "'" + name + "' is not a valid DNS name: "
                    + e.getMessage(), e);
        }
        Map<Integer, Message> queries = new HashMap<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
            queries.put(query.getHeader().getID(), query);
        }
        Map<Integer, Message> answers = exchange(queries, zone, timeout, name);
        trace.roundTrip("A and AAAA queries for " + name + " sent to " + zone.address());
        List<InetAddress> addresses = new ArrayList<>();
        boolean nxdomain = false;
        for (Message response : answers.values()) {
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                nxdomain = true;
            } else if (rcode != Rcode.NOERROR) {
                throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, zone.address() + " answered "
                        + Rcode.string(rcode) + " for " + name);
            }
            for (Record record : response.getSection(Section.ANSWER)) {
                if (record instanceof ARecord) {
                    addresses.add(((ARecord) record).getAddress());
                } else if (record instanceof AAAARecord) {
                    addresses.add(((AAAARecord) record).getAddress());
                }
            }
        }
        // IPv4 first, as the JDK orders getaddrinfo's results by default (java.net.preferIPv6Addresses=false).
        addresses.sort(java.util.Comparator.comparing(a -> a instanceof java.net.Inet6Address));
        if (addresses.isEmpty()) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, name + (nxdomain
                    ? " does not exist (NXDOMAIN from " + zone.address() + ")" : " has no A or AAAA record"));
        }
        return addresses;
    }

    /** Sends every query at once and collects the answer to each, by ID; bounded by {@code timeout}. */
    private static Map<Integer, Message> exchange(Map<Integer, Message> queries, ZoneServer zone, Duration timeout,
                                                  String name) throws NavigationException {
        Map<Integer, Message> answers = new HashMap<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (Message query : queries.values()) {
                byte[] wire = query.toWire();
                socket.send(new DatagramPacket(wire, wire.length, zone.address()));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[65535];
            while (answers.size() < queries.size()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException();
                }
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message response;
                try {
                    response = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                } catch (IOException malformed) {
                    throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "a malformed response from "
                            + zone.address() + ": " + malformed.getMessage(), malformed);
                }
                if (response.getHeader().getFlag(Flags.QR) && queries.containsKey(response.getHeader().getID())) {
                    answers.put(response.getHeader().getID(), response);
                }
            }
            return answers;
        } catch (SocketTimeoutException e) {
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "no answer from " + zone.address()
                    + " for " + name + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "UDP to " + zone.address()
                    + " failed: " + e.getMessage(), e);
        }
    }
}
