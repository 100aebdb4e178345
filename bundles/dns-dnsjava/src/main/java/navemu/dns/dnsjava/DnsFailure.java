package navemu.dns.dnsjava;

/** One query got no usable answer from one server: it timed out, the network failed, or the reply was malformed. */
final class DnsFailure extends Exception {
    private static final long serialVersionUID = 1L;

    enum Kind {
        /** No reply within the timeout, after every retry. */
        TIMEOUT,
        /** A reply came, but it is not a valid answer to our query; the message says which rule it broke. */
        MALFORMED,
        /** The socket itself failed (unreachable, refused TCP, reset). */
        NETWORK
    }

    private final Kind kind;
    /** Network round trips spent before giving up (each UDP attempt, a TCP handshake, a TCP query). */
    private final int roundTrips;

    DnsFailure(Kind kind, String message, int roundTrips) {
        super(message);
        this.kind = kind;
        this.roundTrips = roundTrips;
    }

    Kind kind() {
        return kind;
    }

    int roundTrips() {
        return roundTrips;
    }
}
