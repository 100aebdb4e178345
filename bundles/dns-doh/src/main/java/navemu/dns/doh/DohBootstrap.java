package navemu.dns.doh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NioClient;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.trace.StepTrace;

/**
 * Finds the address and port of a zone's DoH server by asking that zone's ordinary DNS server —
 * the bootstrap every DoH client needs (RFC 8484 §10: the DoH server's own name is resolved by
 * other means). The lab's DoH port is ephemeral, so it comes from the HTTPS record's {@code port}
 * (RFC 9460 §7.2) of the DoH host when the URL names none. The result is kept per zone
 * registration: a restarted lab registers again, with a new DNS server address.
 */
final class DohBootstrap {

    /**
     * Set once a query went through dnsjava's NIO client, which starts a selector thread and adds a
     * JVM shutdown hook made of dnsjava code (see {@link #closeDnsjavaClient()}).
     */
    private static final AtomicBoolean DNSJAVA_CLIENT_STARTED = new AtomicBoolean();

    private final Duration timeout;
    private final Map<ZoneDoh, DohEndpoint> found = new ConcurrentHashMap<>();

    DohBootstrap(Duration timeout) {
        this.timeout = timeout;
    }

    DohEndpoint endpoint(ZoneDoh zone, StepTrace trace) throws NavigationException {
        DohEndpoint known = found.get(zone);
        if (known != null) {
            trace.info("DoH server of " + zone.zone() + ": " + known.source() + " (found earlier)");
            return known;
        }
        String host = zone.dohUrl().getHost();
        try {
            Name name = Name.fromString(host, Name.root);
            InetAddress address = address(ask(zone, name, Type.A, trace), host, zone);
            int port = zone.dohUrl().getPort();
            String portSource = "the URL";
            if (port < 0) {
                port = port(ask(zone, name, Type.HTTPS, trace), host, zone);
                portSource = "its HTTPS record (RFC 9460 port=)";
            }
            DohEndpoint endpoint = new DohEndpoint(zone.dohUrl(), new InetSocketAddress(address, port),
                    zone.dohUrl() + " at " + address.getHostAddress() + ":" + port + ", bootstrapped from the "
                            + zone.zone() + " DNS server " + zone.dnsServer() + " (port from " + portSource + ")");
            trace.info("DoH server of " + zone.zone() + ": " + endpoint.source());
            found.put(zone, endpoint);
            return endpoint;
        } catch (IOException e) {
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "cannot find the DoH server " + host
                    + " of " + zone.zone() + " through its DNS server " + zone.dnsServer() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops dnsjava's NIO client and takes its shutdown hook back, while this bundle and dnsjava can
     * still load classes: left to run at JVM exit, after the framework has stopped them, the hook
     * dies with a NoClassDefFoundError on stderr. A later query starts the client again.
     */
    static void closeDnsjavaClient() {
        if (DNSJAVA_CLIENT_STARTED.getAndSet(false)) {
            NioClient.close();
        }
    }

    /** Forgets what was found, e.g. after the DoH server stopped answering. */
    void forget(ZoneDoh zone) {
        found.remove(zone);
    }

    private Message ask(ZoneDoh zone, Name name, int type, StepTrace trace) throws IOException {
        trace.roundTrip("bootstrap: " + Type.string(type) + " query for " + name + " to " + zone.dnsServer() + " over UDP");
        DNSJAVA_CLIENT_STARTED.set(true);
        SimpleResolver resolver = new SimpleResolver(zone.dnsServer());
        resolver.setTimeout(timeout);
        Message response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        if (response.getRcode() != Rcode.NOERROR) {
            throw new IOException(Type.string(type) + " query for " + name + " answered " + Rcode.string(response.getRcode()));
        }
        return response;
    }

    private static InetAddress address(Message response, String host, ZoneDoh zone) throws IOException {
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof ARecord a) {
                return a.getAddress();
            }
        }
        throw new IOException(host + " has no A record in " + zone.zone());
    }

    private static int port(Message response, String host, ZoneDoh zone) throws IOException {
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof HTTPSRecord https && https.getSvcParamValue(SVCBBase.PORT) instanceof SVCBBase.ParameterPort p) {
                return p.getPort();
            }
        }
        throw new IOException(zone.dohUrl() + " names no port and " + host + " has no HTTPS record with port= in " + zone.zone());
    }
}
