package navemu.dns.dnsjava;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import navemu.api.dns.AddressLiteral;
import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.LinkDelayedResolver;
import navemu.api.trace.NetworkWait;
import navemu.api.trace.StepTrace;

/**
 * A stub resolver: asks A, AAAA and HTTPS (RFC 9460) for a host in parallel, from the cache when it
 * can, else from the servers {@link ServerRoute} picks, and turns the answers into the addresses
 * (and the HTTPS record's port and ALPN) that the next steps use.
 *
 * <p>All network work happens on {@code executor}; everything reported to the trace is reported on
 * the caller's thread, in a fixed order (A, AAAA, HTTPS), after the answers are in.
 */
public final class StubResolver implements LinkDelayedResolver, navemu.api.dns.DnsCache {
    // navemu.api.dns.DnsCache is the api's view of a cache; DnsCache in this package is the cache itself.

    /** The questions a browser asks for an https URL (Chromium asks HTTPS alongside A and AAAA). */
    static final int[] TYPES = {Type.A, Type.AAAA, Type.HTTPS};

    private final ServerRoute route;
    private final DnsTransport transport;
    private final DnsCache cache;
    private final AddressOrder order;
    private final ExecutorService executor;

    StubResolver(ServerRoute route, DnsTransport transport, DnsCache cache, AddressOrder order,
                 ExecutorService executor) {
        this.route = route;
        this.transport = transport;
        this.cache = cache;
        this.order = order;
        this.executor = executor;
    }

    DnsCache cache() {
        return cache;
    }

    @Override
    public List<String> entries() {
        Instant now = cache.now();
        return cache.list().stream()
                .map(e -> e.getKey() + "  " + e.getValue().describe() + "  TTL " + e.getValue().remainingSeconds(now)
                        + " s left  from " + e.getValue().server())
                .toList();
    }

    @Override
    public int flush() {
        return cache.clear();
    }

    /** The same servers, transport and order, with a cache of its own (a navigation scope's). */
    @Override
    public StubResolver withPrivateCache() {
        return new StubResolver(route, transport, cache.emptyCopy(), order, executor);
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        return resolve(host, Duration.ZERO, trace);
    }

    @Override
    public DnsAnswer resolve(String host, Duration oneWayDelay, StepTrace trace) throws NavigationException {
        if (host == null || host.isBlank()) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "no host name to resolve");
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        Optional<InetAddress> literal = AddressLiteral.parse(name);
        if (literal.isPresent()) {
            trace.info(host + " is an IP literal: it resolves to itself, no query is sent");
            trace.detail("literal", true);
            trace.detail("addresses", List.of(literal.get().getHostAddress()));
            return DnsAnswer.of(List.of(literal.get()), false);
        }
        if (name.indexOf(':') >= 0) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "'" + host + "' is neither a host name"
                    + " nor a valid IPv6 literal");
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return localhost(name, trace);
        }
        Name qname;
        try {
            qname = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "'" + host + "' is not a valid DNS name: "
                    + e.getMessage(), e);
        }
        ServerRoute.Choice choice = route.serversFor(name);
        trace.info(choice.why());
        trace.detail("servers", choice.servers().stream().map(InetSocketAddress::toString).toList());
        if (choice.servers().isEmpty()) {
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "no DNS server to ask for " + name
                    + " (" + choice.why() + "): no resolver is configured and no zone server covers the name");
        }
        if (!oneWayDelay.isZero()) {
            trace.info("the queries cross the emulated link: " + oneWayDelay.toMillis() + " ms each way");
        }
        Map<Integer, QueryOutcome> outcomes = ask(qname, choice.servers(), oneWayDelay, trace);
        report(outcomes, trace);
        return answer(qname, outcomes, trace);
    }

    /** Cache first; what is missing is asked of the network, all types at once. */
    private Map<Integer, QueryOutcome> ask(Name qname, List<InetSocketAddress> servers, Duration oneWayDelay, StepTrace trace)
            throws NavigationException {
        Map<Integer, QueryOutcome> outcomes = new LinkedHashMap<>();
        Map<Integer, Future<QueryOutcome>> pending = new LinkedHashMap<>();
        for (int type : TYPES) {
            Optional<CachedAnswer> hit = cache.find(new DnsCache.Key(qname, type));
            if (hit.isPresent()) {
                CachedAnswer c = hit.get();
                outcomes.put(type, new QueryOutcome(qname, type, true, c.server(), c.rcode(), c.records(),
                        c.remainingSeconds(cache.now()), null, List.of(), null, 0));
            } else {
                outcomes.put(type, null);
            }
        }
        List<String> asked = new ArrayList<>();
        for (Map.Entry<Integer, QueryOutcome> entry : outcomes.entrySet()) {
            if (entry.getValue() == null) {
                int type = entry.getKey();
                asked.add(Type.string(type));
                pending.put(type, executor.submit(() -> query(qname, type, servers, oneWayDelay, trace)));
            }
        }
        if (pending.isEmpty()) {
            return outcomes;
        }
        trace.roundTrip(String.join(", ", asked) + " quer" + (asked.size() == 1 ? "y" : "ies") + " for " + qname
                + " sent in parallel to " + servers.get(0) + ", waiting for the answers");
        int rounds = 1;
        for (Map.Entry<Integer, Future<QueryOutcome>> entry : pending.entrySet()) {
            QueryOutcome outcome = await(entry.getValue(), pending);
            outcomes.put(entry.getKey(), outcome);
            rounds = Math.max(rounds, outcome.roundTrips());
        }
        // The parallel queries overlap: the step spends as many round trips as the slowest question.
        for (int extra = 2; extra <= rounds; extra++) {
            trace.roundTrip("another round for the slowest question (a retry, the next server, or TCP after truncation)");
        }
        return outcomes;
    }

    private static QueryOutcome await(Future<QueryOutcome> future, Map<Integer, Future<QueryOutcome>> all)
            throws NavigationException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            all.values().forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new NavigationException(NetError.ERR_ABORTED, "DNS resolution was cancelled");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "DNS query failed unexpectedly: "
                    + cause, cause);
        }
    }

    /** One question, asked of each server in turn until one gives a usable answer. Runs on the executor. */
    QueryOutcome query(Name qname, int type, List<InetSocketAddress> servers) {
        return query(qname, type, servers, Duration.ZERO, StepTrace.NONE);
    }

    /**
     * {@link #query(Name, int, List)} across a link that delays each packet by {@code oneWayDelay};
     * the exchanges are the step's network time ({@code trace}'s waits; only those, nothing else is reported from here).
     */
    QueryOutcome query(Name qname, int type, List<InetSocketAddress> servers, Duration oneWayDelay, StepTrace trace) {
        List<String> failures = new ArrayList<>();
        int roundTrips = 0;
        DnsFailure.Kind lastFailure = null;
        QueryOutcome lastAnswer = null;
        for (int i = 0; i < servers.size(); i++) {
            InetSocketAddress server = servers.get(i);
            Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
            // EDNS(0), RFC 6891: lets the server answer up to this size over UDP before truncating.
            query.addRecord(new OPTRecord(DnsTransport.UDP_PAYLOAD, 0, 0), Section.ADDITIONAL);
            try {
                Exchange exchange;
                // Network time is the link's delay and the socket's wait; the transport parses the
                // answer outside its waits, so that parse is local work even on a first, cold query.
                try (NetworkWait wait = trace.networkWait()) {
                    EmulatedLatency.hold(oneWayDelay); // the query crossing the link
                }
                exchange = transport.exchange(query, server, trace::networkWait);
                try (NetworkWait wait = trace.networkWait()) {
                    // The answer crossing back, and each further round trip (a TCP retry) both ways.
                    EmulatedLatency.hold(oneWayDelay.multipliedBy(2L * exchange.roundTrips() - 1));
                }
                roundTrips += exchange.roundTrips();
                Message response = exchange.response();
                int rcode = response.getRcode();
                // Only a NOERROR response answers the question (RFC 1035 §4.1.1); records riding on
                // NXDOMAIN, SERVFAIL, REFUSED, NOTIMP or an unassigned code are not used, as Chromium's
                // resolver does not use them either.
                List<Record> chain = rcode == Rcode.NOERROR ? AnswerChain.follow(response, qname, type) : List.of();
                long ttl = store(qname, type, rcode, chain, response, server.toString());
                lastAnswer = new QueryOutcome(qname, type, false, server.toString(), rcode, chain, ttl, exchange,
                        failures, null, roundTrips);
                if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN || i == servers.size() - 1) {
                    return lastAnswer;
                }
                // SERVFAIL, REFUSED…: this server could not help; a stub tries the next one (RFC 1035 §7.2).
                failures.add(server + " answered " + Rcode.string(rcode) + "; trying the next server");
            } catch (DnsFailure failure) {
                roundTrips += failure.roundTrips();
                lastFailure = failure.kind();
                failures.add(failure.getMessage());
            }
        }
        if (lastAnswer != null) {
            return new QueryOutcome(qname, type, false, lastAnswer.server(), lastAnswer.rcode(), lastAnswer.chain(),
                    lastAnswer.ttlSeconds(), lastAnswer.exchange(), failures, null, roundTrips);
        }
        return new QueryOutcome(qname, type, false, null, -1, List.of(), -1, null, failures, lastFailure, roundTrips);
    }

    /** Puts an answer in the cache when the RFCs allow; returns the TTL kept, or -1. */
    private long store(Name qname, int type, int rcode, List<Record> chain, Message response, String server) {
        DnsCache.Key key = new DnsCache.Key(qname, type);
        boolean hasData = chain.stream().anyMatch(r -> r.getType() == type);
        if (rcode == Rcode.NOERROR && hasData) {
            return cache.putPositive(key, chain, server).map(d -> d.getSeconds()).orElse(-1L);
        }
        if (rcode == Rcode.NXDOMAIN || rcode == Rcode.NOERROR) {
            return cache.putNegative(key, rcode, response.getSection(Section.AUTHORITY), server)
                    .map(d -> d.getSeconds()).orElse(-1L);
        }
        return -1;
    }

    private void report(Map<Integer, QueryOutcome> outcomes, StepTrace trace) {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (QueryOutcome outcome : outcomes.values()) {
            DnsTraceReport.report(outcome, trace);
            queries.add(DnsTraceReport.detail(outcome));
        }
        trace.detail("queries", queries);
    }

    private DnsAnswer answer(Name qname, Map<Integer, QueryOutcome> outcomes, StepTrace trace)
            throws NavigationException {
        String name = HttpsEndpoint.trimDot(qname);
        List<InetAddress> ipv4 = new ArrayList<>();
        List<InetAddress> ipv6 = new ArrayList<>();
        for (Record record : outcomes.get(Type.A).records()) {
            ipv4.add(named(name, ((ARecord) record).getAddress()));
        }
        for (Record record : outcomes.get(Type.AAAA).records()) {
            ipv6.add(named(name, ((AAAARecord) record).getAddress()));
        }
        boolean fromCache = outcomes.values().stream().allMatch(QueryOutcome::fromCache);
        trace.detail("fromCache", fromCache);
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            throw failure(name, outcomes.get(Type.A), outcomes.get(Type.AAAA));
        }
        List<InetAddress> addresses = order.arrange(ipv6, ipv4);
        trace.detail("addresses", addresses.stream().map(InetAddress::getHostAddress).toList());
        trace.detail("order", order.toString());
        List<String> notes = new ArrayList<>();
        Optional<HttpsEndpoint> endpoint = HttpsEndpoint.choose(outcomes.get(Type.HTTPS).records(), qname, notes);
        notes.forEach(trace::info);
        if (endpoint.isPresent()) {
            HttpsEndpoint e = endpoint.get();
            trace.info(e.source() + ": port " + (e.port() == null ? "(none)" : e.port()) + ", alpn " + e.alpn());
            trace.detail("port", e.port());
            trace.detail("portSource", e.source());
            trace.detail("alpn", e.alpn());
            return new DnsAnswer(addresses, e.port(), e.port() == null ? null : e.source(), e.alpn(), fromCache);
        }
        return DnsAnswer.of(addresses, fromCache);
    }

    /**
     * No address: NXDOMAIN is authoritative ("the name does not exist"); otherwise a server failure
     * or a timeout means resolution failed; otherwise the name exists with no address (NODATA).
     */
    private static NavigationException failure(String name, QueryOutcome a, QueryOutcome aaaa) {
        for (QueryOutcome q : List.of(a, aaaa)) {
            if (q.rcode() == Rcode.NXDOMAIN) {
                return new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, name + " does not exist: "
                        + q.server() + " answered NXDOMAIN" + (q.fromCache() ? " (cached, RFC 2308)" : ""));
            }
        }
        List<String> why = new ArrayList<>();
        for (QueryOutcome q : List.of(a, aaaa)) {
            if (!q.answered()) {
                why.add(q.typeName() + ": " + String.join("; ", q.failures()));
            } else if (q.rcode() != Rcode.NOERROR) {
                why.add(q.typeName() + ": " + q.server() + " answered " + q.rcodeName());
            }
        }
        if (!why.isEmpty()) {
            return new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "could not resolve " + name + ": "
                    + String.join(" | ", why));
        }
        return new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, name + " exists but has no A or AAAA"
                + " record (NODATA)");
    }

    /** The address labelled with the host asked (dnsjava labels it with the absolute name, trailing dot included). */
    private static InetAddress named(String host, InetAddress address) {
        try {
            return InetAddress.getByAddress(host, address.getAddress());
        } catch (java.net.UnknownHostException e) {
            return address; // cannot happen: the address has a valid length
        }
    }

    /** RFC 6761 §6.3: localhost names are loopback, answered without a query, as browsers do. */
    private DnsAnswer localhost(String name, StepTrace trace) {
        List<InetAddress> addresses = order.arrange(List.of(ipv6Loopback()), List.of(ipv4Loopback()));
        trace.info(name + " is a localhost name (RFC 6761 §6.3): loopback addresses, no query is sent");
        trace.detail("addresses", addresses.stream().map(InetAddress::getHostAddress).toList());
        return DnsAnswer.of(addresses, false);
    }

    private static InetAddress ipv4Loopback() {
        return AddressLiteral.parse("127.0.0.1").orElseThrow();
    }

    private static InetAddress ipv6Loopback() {
        return AddressLiteral.parse("::1").orElseThrow();
    }
}
