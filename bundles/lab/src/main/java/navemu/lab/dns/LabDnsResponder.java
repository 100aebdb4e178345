package navemu.lab.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The lab's DNS answering for every transport (UDP, TCP, HTTPS): the {@link ZoneAuthority}'s
 * answer, unless {@code config/lab/dns-faults.conf} lists the asked name, in which case the
 * answer goes wrong in the listed way ({@link DnsFault}). The servers only move bytes.
 */
public final class LabDnsResponder {

    /** How the query arrived; a fault may depend on it (TC only means something over UDP). */
    public enum Transport { UDP, TCP, HTTPS }

    /**
     * What to send back.
     *
     * @param bytes      the DNS message (or garbage, for {@link DnsFault.Kind#MALFORMED}); null: send nothing
     * @param delay      how long to wait before sending
     * @param httpStatus for HTTPS: the status to answer; 200 when {@code bytes} is the answer
     * @param fault      the fault applied, or null for an honest answer (for logs and tests)
     */
    public record Reply(byte[] bytes, Duration delay, int httpStatus, DnsFault fault) {

        static Reply now(byte[] bytes) {
            return new Reply(bytes, Duration.ZERO, 200, null);
        }
    }

    /** Bytes after the copied ID that no parser accepts as a DNS message (header claims records that are not there). */
    private static final byte[] GARBAGE_AFTER_ID = "\u0081\u0080\u0000\u0001\u0000\u0007 navemu lab: malformed on purpose"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final ZoneAuthority authority;
    private final Map<String, DnsFault> faults;

    /** @param faults lower-case absolute names without trailing dot → fault (see {@link DnsFaultsFile}) */
    public LabDnsResponder(ZoneAuthority authority, Map<String, DnsFault> faults) {
        this.authority = authority;
        this.faults = Map.copyOf(faults);
    }

    public ZoneAuthority authority() {
        return authority;
    }

    public Reply reply(byte[] query, Transport transport) {
        boolean overUdp = transport == Transport.UDP;
        DnsFault fault = faultFor(query);
        if (fault == null) {
            return Reply.now(authority.answer(query, overUdp));
        }
        Message request;
        try {
            request = new Message(query);
        } catch (IOException e) {
            throw new IllegalStateException("faultFor parsed this query already", e);
        }
        return switch (fault.kind()) {
            case SLOW -> new Reply(authority.answer(query, overUdp), fault.delay(), 200, fault);
            case MALFORMED -> new Reply(malformed(query), Duration.ZERO, 200, fault);
            case SERVFAIL -> new Reply(emptied(request, Rcode.SERVFAIL, false).toWire(), Duration.ZERO, 200, fault);
            case TRUNCATE -> overUdp
                    ? new Reply(emptied(request, Rcode.NOERROR, true).toWire(), Duration.ZERO, 200, fault)
                    : new Reply(authority.answer(query, false), Duration.ZERO, 200, null);
            case HTTP_STATUS -> transport == Transport.HTTPS
                    ? new Reply(null, Duration.ZERO, fault.httpStatus(), fault)
                    : Reply.now(authority.answer(query, overUdp));
        };
    }

    /** The fault listed for the query's name, or null (also for bytes that are not a query: the authority answers those). */
    private DnsFault faultFor(byte[] query) {
        if (faults.isEmpty()) {
            return null;
        }
        Message request;
        try {
            request = new Message(query);
        } catch (IOException e) {
            return null;
        }
        Record question = request.getQuestion();
        if (request.getHeader().getFlag(Flags.QR) || question == null) {
            return null;
        }
        String name = question.getName().toString(true).toLowerCase(Locale.ROOT);
        return faults.get(name);
    }

    /** The authority's answer with its records removed and {@code rcode} set; TC set when {@code truncated}. */
    private Message emptied(Message request, int rcode, boolean truncated) {
        Message response = authority.answer(request);
        response.removeAllRecords(Section.ANSWER);
        response.removeAllRecords(Section.AUTHORITY);
        response.getHeader().setRcode(rcode);
        if (rcode == Rcode.SERVFAIL) {
            response.getHeader().unsetFlag(Flags.AA);
        }
        if (truncated) {
            // RFC 2181 §9: TC means the answer did not fit; the client must retry over TCP (RFC 7766 §5).
            response.getHeader().setFlag(Flags.TC);
        }
        return response;
    }

    private static byte[] malformed(byte[] query) {
        byte[] bytes = new byte[2 + GARBAGE_AFTER_ID.length];
        bytes[0] = query[0]; // the ID, so the client takes it as the answer to its query and must parse it
        bytes[1] = query[1];
        System.arraycopy(GARBAGE_AFTER_ID, 0, bytes, 2, GARBAGE_AFTER_ID.length);
        return bytes;
    }
}
