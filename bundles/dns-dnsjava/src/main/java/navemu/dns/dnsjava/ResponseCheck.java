package navemu.dns.dnsjava;

import java.io.IOException;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;

/**
 * Decides whether bytes from a server are a valid answer to our query (RFC 1035 §4.1, RFC 5452 §9.1:
 * a reply must echo the ID and the question, and have QR set). Says which rule failed.
 */
final class ResponseCheck {

    private ResponseCheck() {
    }

    /** Parses {@code bytes}; throws a {@link DnsFailure} of kind MALFORMED naming the broken rule. */
    static Message parse(byte[] bytes, int length, Message query, String from, int roundTrips) throws DnsFailure {
        if (length < 12) {
            throw malformed(from, "it is " + length + " bytes, shorter than the 12-byte DNS header (RFC 1035 §4.1.1)",
                    roundTrips);
        }
        byte[] exact = bytes.length == length ? bytes : java.util.Arrays.copyOf(bytes, length);
        Message response;
        try {
            response = new Message(exact);
        } catch (IOException e) {
            throw malformed(from, "it does not parse as a DNS message (" + e.getMessage() + ")", roundTrips);
        }
        String problem = mismatch(query, response);
        if (problem != null) {
            throw malformed(from, problem, roundTrips);
        }
        return response;
    }

    /** True when the header ID differs: on UDP such a datagram is ignored, not fatal (RFC 5452 §9.1). */
    static boolean idDiffers(Message query, byte[] bytes, int length) {
        if (length < 2) {
            return false;
        }
        int id = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        return id != query.getHeader().getID();
    }

    /** Null when {@code response} answers {@code query}; else the rule it breaks. */
    static String mismatch(Message query, Message response) {
        if (response.getHeader().getID() != query.getHeader().getID()) {
            return "its ID " + response.getHeader().getID() + " is not our query's ID " + query.getHeader().getID();
        }
        if (!response.getHeader().getFlag(Flags.QR)) {
            return "its QR bit is clear: it is a query, not a response (RFC 1035 §4.1.1)";
        }
        if (response.getHeader().getOpcode() != Opcode.QUERY) {
            return "its opcode is " + Opcode.string(response.getHeader().getOpcode()) + ", not QUERY";
        }
        Record asked = query.getQuestion();
        Record echoed = response.getQuestion();
        if (echoed == null) {
            // A server may omit the question only on some errors; RFC 1035 says the question is copied back.
            return "it carries no question section (RFC 1035 §4.1.2: the question is echoed)";
        }
        if (!echoed.getName().equals(asked.getName()) || echoed.getType() != asked.getType()
                || echoed.getDClass() != asked.getDClass()) {
            return "it answers " + echoed.getName() + " " + org.xbill.DNS.Type.string(echoed.getType())
                    + " instead of " + asked.getName() + " " + org.xbill.DNS.Type.string(asked.getType());
        }
        return null;
    }

    private static DnsFailure malformed(String from, String why, int roundTrips) {
        return new DnsFailure(DnsFailure.Kind.MALFORMED, "rejected a malformed response from " + from + ": " + why,
                roundTrips);
    }
}
