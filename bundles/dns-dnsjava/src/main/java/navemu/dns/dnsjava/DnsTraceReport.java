package navemu.dns.dnsjava;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import navemu.api.trace.StepTrace;

/** Puts one question's outcome into the trace the way dig prints it: query, flags, rcode, records with TTLs, time. */
final class DnsTraceReport {

    private DnsTraceReport() {
    }

    static void report(QueryOutcome outcome, StepTrace trace) {
        String question = HttpsEndpoint.trimDot(outcome.name()) + " " + outcome.typeName();
        if (outcome.fromCache()) {
            trace.info(question + ": from the cache (answered by " + outcome.server() + ", " + outcome.rcodeName()
                    + ", " + outcome.ttlSeconds() + " s of TTL left): " + records(outcome.chain(), outcome.ttlSeconds()));
            return;
        }
        outcome.failures().forEach(trace::info);
        Exchange exchange = outcome.exchange();
        if (exchange == null) {
            trace.info(question + ": no answer (" + outcome.failure() + ")");
            return;
        }
        exchange.notes().forEach(trace::info);
        Header header = exchange.response().getHeader();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("id", Integer.toString(header.getID()));
        query.put("name", outcome.name().toString());
        query.put("type", outcome.typeName());
        query.put("server", exchange.server().toString());
        query.put("transport", exchange.transport());
        trace.sent("Query " + outcome.typeName(), exchange.querySize(), query);
        Map<String, String> response = new LinkedHashMap<>();
        response.put("rcode", outcome.rcodeName());
        response.put("flags", flags(header));
        response.put("answers", records(outcome.chain(), -1));
        response.put("timeMs", Double.toString(exchange.millis()));
        response.put("transport", exchange.transport());
        response.put("cachedFor", outcome.ttlSeconds() < 0 ? "not cached" : outcome.ttlSeconds() + " s");
        trace.received("Response " + outcome.typeName(), exchange.responseSize(), response);
    }

    static Map<String, Object> detail(QueryOutcome outcome) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", outcome.name().toString());
        d.put("type", outcome.typeName());
        d.put("server", outcome.server());
        d.put("rcode", outcome.rcodeName());
        d.put("records", outcome.chain().stream().map(r -> record(r, outcome.fromCache() ? outcome.ttlSeconds() : -1))
                .toList());
        d.put("cached", outcome.fromCache());
        if (outcome.exchange() != null) {
            d.put("timeMs", outcome.exchange().millis());
            d.put("transport", outcome.exchange().transport());
        }
        if (!outcome.failures().isEmpty()) {
            d.put("failures", outcome.failures());
        }
        return d;
    }

    /** {@code name TTL TYPE rdata}, with the remaining TTL when the record comes from the cache. */
    static String record(Record r, long ttlOverride) {
        long ttl = ttlOverride >= 0 ? Math.min(ttlOverride, r.getTTL()) : r.getTTL();
        return r.getName() + " " + ttl + " " + Type.string(r.getType()) + " " + r.rdataToString();
    }

    private static String records(List<Record> chain, long ttlOverride) {
        if (chain.isEmpty()) {
            return "(none)";
        }
        StringJoiner joined = new StringJoiner("; ");
        chain.forEach(r -> joined.add(record(r, ttlOverride)));
        return joined.toString();
    }

    private static String flags(Header header) {
        StringJoiner flags = new StringJoiner(" ");
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA, Flags.AD, Flags.CD}) {
            if (header.getFlag(flag)) {
                flags.add(Flags.string(flag));
            }
        }
        return flags.toString();
    }
}
