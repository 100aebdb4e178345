package navemu.dns.dnsjava;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.xbill.DNS.Record;
import org.xbill.DNS.Rcode;

/**
 * What the cache keeps for one name and type: the records (positive) or the fact that there
 * are none (negative, RFC 2308), until {@code expires}.
 *
 * @param rcode    NOERROR or NXDOMAIN
 * @param records  the answer chain (CNAMEs, then the records of the asked type); empty when negative
 * @param server   who gave the answer, for the trace
 * @param stored   when it was put in
 * @param expires  when it stops being usable
 */
record CachedAnswer(int rcode, List<Record> records, String server, Instant stored, Instant expires) {

    CachedAnswer {
        records = List.copyOf(records);
    }

    boolean negative() {
        return records.isEmpty();
    }

    /** Seconds left of the TTL at {@code now}, as a cache hands it out (RFC 1035 §7.4 decrements the TTL). */
    long remainingSeconds(Instant now) {
        return Math.max(0, Duration.between(now, expires).getSeconds());
    }

    String describe() {
        return negative() ? (rcode == Rcode.NXDOMAIN ? "NXDOMAIN" : "no records (NODATA)") : records.size() + " record(s)";
    }
}
