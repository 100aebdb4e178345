package navemu.dns.doh;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.AddressLiteral;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.trace.StepTrace;

/**
 * A DNS-over-HTTPS resolver (RFC 8484): asks A, AAAA and HTTPS (RFC 9460, type 65) for a host in
 * parallel, each as a DNS wire message over HTTPS, and turns the answers into the addresses (and
 * the HTTPS record's port and ALPN) the next steps use. No cache of its own: the answers' TTLs
 * are shown, and the server's {@code Cache-Control} too.
 *
 * <p>Which server: names under a zone with its own DoH server ({@link ZoneDoh}, the lab's) go
 * there; other names go to the configured public URL; with none configured, resolution fails and
 * says so.
 */
public final class DohResolver implements DnsResolver {

    /** The questions a browser asks for an https URL (Chromium asks HTTPS alongside A and AAAA). */
    static final int[] TYPES = {Type.A, Type.AAAA, Type.HTTPS};

    private static final int MAX_CNAMES = 8;

    private final Supplier<List<ZoneDoh>> zones;
    private final URI publicUrl;
    private final Supplier<List<X509Certificate>> anchors;
    private final DohMethod method;
    private final DohTransport transport;
    private final DohBootstrap bootstrap;
    private final ExecutorService executor;

    /**
     * @param zones      zones with a DoH server of their own (tracked from ZoneServer services)
     * @param publicUrl  the DoH server for every other name, or null for none
     * @param anchors    the trust anchors the DoH servers' certificates must chain to
     */
    DohResolver(Supplier<List<ZoneDoh>> zones, URI publicUrl, Supplier<List<X509Certificate>> anchors, DohMethod method,
                DohTransport transport, DohBootstrap bootstrap, ExecutorService executor) {
        this.zones = zones;
        this.publicUrl = publicUrl;
        this.anchors = anchors;
        this.method = method;
        this.transport = transport;
        this.bootstrap = bootstrap;
        this.executor = executor;
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        if (host == null || host.isBlank()) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "no host name to resolve");
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        InetAddress literal = AddressLiteral.parse(name).orElse(null);
        if (literal != null) {
            trace.info(host + " is an IP literal: it resolves to itself, no query is sent");
            trace.detail("addresses", List.of(literal.getHostAddress()));
            return DnsAnswer.of(List.of(literal), false);
        }
        Name qname;
        try {
            qname = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "'" + host + "' is not a valid DNS name: " + e.getMessage(), e);
        }
        ZoneDoh zone = zoneFor(name);
        DohEndpoint endpoint = zone != null ? bootstrap.endpoint(zone, trace) : publicEndpoint(name);
        trace.info("DNS over HTTPS (RFC 8484, " + method + ") to " + endpoint.url() + ": " + endpoint.source());
        trace.detail("server", endpoint.url().toString());
        trace.detail("method", method.name());
        Map<Integer, DohExchange> exchanges = ask(qname, endpoint, trace);
        if (zone != null && exchanges.values().stream().allMatch(e -> e.status() < 0)) {
            bootstrap.forget(zone); // nothing reached the server: look it up again next time
        }
        report(qname, exchanges, trace);
        return answer(qname, exchanges, trace);
    }

    private ZoneDoh zoneFor(String name) {
        ZoneDoh best = null;
        for (ZoneDoh zone : zones.get()) {
            if (zone.covers(name) && (best == null || zone.zone().length() > best.zone().length())) {
                best = zone;
            }
        }
        return best;
    }

    private DohEndpoint publicEndpoint(String name) throws NavigationException {
        if (publicUrl == null) {
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "no DoH server is configured for "
                    + name + ": it is under no zone with a DoH server of its own, and pid navemu.dns.doh has no url"
                    + " (e.g. url=https://dns.example/dns-query in config/osgi/navemu.dns.doh.cfg)");
        }
        return new DohEndpoint(publicUrl, null, "the configured DoH server (pid navemu.dns.doh url); its name is"
                + " resolved by the system's resolver");
    }

    /** The three questions at once: one round trip for the step (the first also opens TCP and TLS connections). */
    private Map<Integer, DohExchange> ask(Name qname, DohEndpoint endpoint, StepTrace trace) throws NavigationException {
        List<X509Certificate> trusted = anchors.get();
        Map<Integer, Future<DohExchange>> pending = new LinkedHashMap<>();
        for (int type : TYPES) {
            Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
            pending.put(type, executor.submit(() -> transport.exchange(endpoint, method, query, trusted)));
        }
        trace.roundTrip("A, AAAA, HTTPS queries for " + qname + " sent in parallel over HTTPS to " + endpoint.url()
                + ", waiting for the answers");
        trace.info("the JDK's HttpClient keeps its connections alive; a query that needs a new one also spends"
                + " its TCP and TLS handshakes, which the client does not report and this count leaves out");
        Map<Integer, DohExchange> exchanges = new LinkedHashMap<>();
        for (Map.Entry<Integer, Future<DohExchange>> entry : pending.entrySet()) {
            try {
                exchanges.put(entry.getKey(), entry.getValue().get());
            } catch (InterruptedException e) {
                pending.values().forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new NavigationException(NetError.ERR_ABORTED, "DNS resolution was cancelled");
            } catch (ExecutionException e) {
                throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "DoH query failed unexpectedly: "
                        + e.getCause(), e.getCause());
            }
        }
        return exchanges;
    }

    private static void report(Name qname, Map<Integer, DohExchange> exchanges, StepTrace trace) {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (Map.Entry<Integer, DohExchange> entry : exchanges.entrySet()) {
            String type = Type.string(entry.getKey());
            DohExchange e = entry.getValue();
            trace.sent("DoH " + e.method() + " " + type + " query", e.sentBytes(),
                    Map.of("url", e.url().toString(), "qname", qname.toString(), "qtype", type));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("type", type);
            detail.put("method", e.method().name());
            detail.put("url", e.url().toString());
            detail.put("httpStatus", e.status());
            detail.put("timeMs", e.millis());
            if (e.answered()) {
                List<String> records = e.response().getSection(org.xbill.DNS.Section.ANSWER).stream()
                        .map(r -> r.getName() + " " + r.getTTL() + " " + Type.string(r.getType()) + " " + r.rdataToString())
                        .toList();
                String rcode = Rcode.string(e.response().getRcode());
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("status", Integer.toString(e.status()));
                fields.put("rcode", rcode);
                fields.put("records", records.isEmpty() ? "(none)" : String.join("; ", records));
                fields.put("cacheControl", String.valueOf(e.cacheControl()));
                fields.put("timeMs", Long.toString(e.millis()));
                trace.received("DoH " + type + " response", e.response().numBytes(), fields);
                detail.put("rcode", rcode);
                detail.put("records", records);
                detail.put("cacheControl", e.cacheControl());
            } else {
                trace.info(type + " query failed after " + e.millis() + " ms: " + e.failure());
                detail.put("failure", e.failure());
            }
            queries.add(detail);
        }
        trace.detail("queries", queries);
    }

    private static DnsAnswer answer(Name qname, Map<Integer, DohExchange> exchanges, StepTrace trace) throws NavigationException {
        String name = trimDot(qname);
        List<InetAddress> ipv6 = new ArrayList<>();
        List<InetAddress> ipv4 = new ArrayList<>();
        for (Record record : records(exchanges.get(Type.AAAA), qname, Type.AAAA)) {
            ipv6.add(named(name, ((AAAARecord) record).getAddress()));
        }
        for (Record record : records(exchanges.get(Type.A), qname, Type.A)) {
            ipv4.add(named(name, ((ARecord) record).getAddress()));
        }
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            throw failure(name, exchanges);
        }
        // RFC 6724 §10.3's default policy: IPv6 before IPv4; interleaving is the tcp slot's job (RFC 8305).
        List<InetAddress> addresses = new ArrayList<>(ipv6);
        addresses.addAll(ipv4);
        trace.detail("addresses", addresses.stream().map(InetAddress::getHostAddress).toList());
        trace.detail("fromCache", false);
        List<String> notes = new ArrayList<>();
        HttpsParameters https = HttpsParameters.choose(records(exchanges.get(Type.HTTPS), qname, Type.HTTPS), qname, notes);
        notes.forEach(trace::info);
        if (https == null) {
            return DnsAnswer.of(addresses, false);
        }
        trace.info(https.source() + ": port " + (https.port() == null ? "(none)" : https.port()) + ", alpn " + https.alpn());
        trace.detail("port", https.port());
        trace.detail("portSource", https.source());
        trace.detail("alpn", https.alpn());
        return new DnsAnswer(addresses, https.port(), https.port() == null ? null : https.source(), https.alpn(), false);
    }

    /** RFC 1034 §5.3.3: from the name asked, follow CNAMEs, keep the records of the asked type at the chain's end. */
    private static List<Record> records(DohExchange exchange, Name qname, int type) {
        if (!exchange.answered() || exchange.response().getRcode() != Rcode.NOERROR) {
            return List.of();
        }
        List<Record> answer = exchange.response().getSection(org.xbill.DNS.Section.ANSWER);
        Name current = qname;
        for (int hops = 0; hops <= MAX_CNAMES; hops++) {
            List<Record> found = new ArrayList<>();
            Name next = null;
            for (Record record : answer) {
                if (record.getName().equals(current) && record.getType() == type) {
                    found.add(record);
                } else if (record.getName().equals(current) && record instanceof org.xbill.DNS.CNAMERecord alias) {
                    next = alias.getTarget();
                }
            }
            if (!found.isEmpty() || next == null) {
                return found;
            }
            current = next;
        }
        return List.of();
    }

    /**
     * No address: NXDOMAIN means the name does not exist; an HTTP error, a timeout, a malformed
     * answer or SERVFAIL means resolution failed; otherwise the name has no address (NODATA).
     */
    private static NavigationException failure(String name, Map<Integer, DohExchange> exchanges) {
        List<DohExchange> addressQueries = List.of(exchanges.get(Type.A), exchanges.get(Type.AAAA));
        for (DohExchange e : addressQueries) {
            if (e.answered() && e.response().getRcode() == Rcode.NXDOMAIN) {
                return new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, name + " does not exist: " + e.url()
                        + " answered NXDOMAIN");
            }
        }
        List<String> why = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            DohExchange e = exchanges.get(type);
            if (!e.answered()) {
                why.add(Type.string(type) + ": " + e.failure());
            } else if (e.response().getRcode() != Rcode.NOERROR) {
                why.add(Type.string(type) + ": the DoH server answered " + Rcode.string(e.response().getRcode()));
            }
        }
        if (!why.isEmpty()) {
            return new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "could not resolve " + name + " over DoH: "
                    + String.join(" | ", why));
        }
        return new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, name + " exists but has no A or AAAA record (NODATA)");
    }

    private static InetAddress named(String host, InetAddress address) {
        try {
            return InetAddress.getByAddress(host, address.getAddress());
        } catch (UnknownHostException e) {
            return address;
        }
    }

    static String trimDot(Name name) {
        String text = name.toString();
        return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
    }
}
