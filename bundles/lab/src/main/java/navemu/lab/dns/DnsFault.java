package navemu.lab.dns;

import java.time.Duration;

/**
 * One way the lab's DNS service answers badly on purpose, for resolver tests (issue 7), as listed in
 * {@code config/lab/dns-faults.conf}.
 *
 * @param kind       what goes wrong
 * @param delay      for {@link Kind#SLOW}: how long the answer is held back; otherwise zero
 * @param httpStatus for {@link Kind#HTTP_STATUS}: the status the DoH endpoint answers; otherwise 0
 */
public record DnsFault(Kind kind, Duration delay, int httpStatus) {

    public enum Kind {
        /** Over UDP: header and question only, TC set (RFC 1035 §4.1.1, RFC 2181 §9); over TCP and HTTPS the full answer. */
        TRUNCATE,
        /** Every transport: the query's ID followed by bytes that are not a DNS message. */
        MALFORMED,
        /** Every transport: the right answer, after {@code delay}. */
        SLOW,
        /** Every transport: RCODE 2, SERVFAIL (RFC 1035 §4.1.1), no records. */
        SERVFAIL,
        /** DoH only: the HTTP status {@code httpStatus} instead of a DNS message; UDP and TCP answer normally. */
        HTTP_STATUS
    }

    public DnsFault {
        if (kind == Kind.SLOW && (delay == null || delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("a slow answer needs a positive delay");
        }
        if (kind == Kind.HTTP_STATUS && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("an HTTP error status is 400–599, got " + httpStatus);
        }
        delay = delay == null ? Duration.ZERO : delay;
    }
}
