package navemu.dns.system;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/**
 * What getaddrinfo would do if the system were configured to send a zone to its server: an A and
 * an AAAA query in parallel, nothing else (no HTTPS record, no cache). Java 17's InetAddress cannot
 * be pointed at another server (a resolver SPI only came with JEP 418 in Java 18), so names under
 * a registered {@link ZoneServer} are asked this way, and the trace says so.
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
        SimpleResolver server = new SimpleResolver(zone.address());
        server.setTimeout(timeout);
        CompletableFuture<Message> a = server.sendAsync(Message.newQuery(Record.newRecord(qname, Type.A, DClass.IN)))
                .toCompletableFuture();
        CompletableFuture<Message> aaaa = server.sendAsync(Message.newQuery(Record.newRecord(qname, Type.AAAA,
                DClass.IN))).toCompletableFuture();
        trace.roundTrip("A and AAAA queries for " + name + " sent to " + zone.address());
        List<InetAddress> addresses = new ArrayList<>();
        int nxdomain = 0;
        for (CompletableFuture<Message> future : List.of(a, aaaa)) {
            Message response = await(future, name, timeout);
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                nxdomain++;
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
        if (addresses.isEmpty()) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, name + (nxdomain > 0
                    ? " does not exist (NXDOMAIN from " + zone.address() + ")" : " has no A or AAAA record"));
        }
        return addresses;
    }

    private static Message await(CompletableFuture<Message> future, String name, Duration timeout)
            throws NavigationException {
        try {
            // SimpleResolver enforces its own timeout; this bound only guards against it not firing.
            return future.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NavigationException(NetError.ERR_ABORTED, "DNS resolution was cancelled");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "no usable answer for " + name + ": "
                    + cause.getMessage(), cause);
        }
    }
}
