package navemu.dns.dnsjava;

import java.util.List;

import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * How one question (name, type) ended: answered from the cache, answered by a server (with any
 * rcode), or failed at every server.
 *
 * @param name       the name asked
 * @param type       the type asked (A, AAAA, HTTPS)
 * @param fromCache  no query left the machine
 * @param server     who answered (or, for a cached answer, who had answered)
 * @param rcode      the response code, or -1 when no server answered
 * @param chain      CNAMEs followed, then the records of {@code type}
 * @param ttlSeconds the TTL the cache keeps it for (or has left, when cached); -1 when not cached
 * @param exchange   the network exchange that produced the answer, or null
 * @param failures   one line per server that failed, in order
 * @param failure    the kind of the last failure when no server answered, else null
 * @param roundTrips network round trips spent (0 when cached)
 */
record QueryOutcome(Name name, int type, boolean fromCache, String server, int rcode, List<Record> chain,
                    long ttlSeconds, Exchange exchange, List<String> failures, DnsFailure.Kind failure,
                    int roundTrips) {

    QueryOutcome {
        chain = List.copyOf(chain);
        failures = List.copyOf(failures);
    }

    boolean answered() {
        return rcode >= 0;
    }

    /** The records of the asked type (the chain without its CNAMEs). */
    List<Record> records() {
        return chain.stream().filter(r -> r.getType() == type).toList();
    }

    String typeName() {
        return Type.string(type);
    }

    String rcodeName() {
        return rcode < 0 ? "none" : Rcode.string(rcode);
    }
}
