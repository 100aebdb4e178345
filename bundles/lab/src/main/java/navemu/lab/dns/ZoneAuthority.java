package navemu.lab.dns;

import java.io.IOException;
import java.util.List;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * Answers DNS queries authoritatively from one zone (RFC 1034 §4.3.2), the way the lab's server
 * puts them on the wire: AA set; NXDOMAIN for names that do not exist and NOERROR with no answer
 * (NODATA) for names without the asked type, both with the zone's SOA in the authority section
 * so resolvers can cache the negative answer (RFC 2308 §3); REFUSED for names outside the zone.
 */
public final class ZoneAuthority {

    /** The EDNS(0) UDP payload size this server advertises (RFC 6891 §6.2.5; DNS flag day 2020 value). */
    static final int EDNS_PAYLOAD = 1232;
    /** Without EDNS, UDP answers stop at 512 bytes (RFC 1035 §4.2.1) and set TC. */
    static final int CLASSIC_UDP_LIMIT = 512;

    private final Zone zone;

    public ZoneAuthority(Zone zone) {
        this.zone = zone;
    }

    public Name origin() {
        return zone.getOrigin();
    }

    /**
     * @param query     the query bytes as received
     * @param overUdp   true to apply UDP's size limit (setting TC when the answer does not fit)
     * @return the answer bytes, or null when the bytes are not a query worth answering
     */
    public byte[] answer(byte[] query, boolean overUdp) {
        Message request;
        try {
            request = new Message(query);
        } catch (IOException e) {
            return formatError(query);
        }
        if (request.getHeader().getFlag(Flags.QR)) {
            return null; // a response, not a query: never answer it (no reflection loops)
        }
        Message response = answer(request);
        int limit = !overUdp ? 65535
                : request.getOPT() != null ? Math.max(CLASSIC_UDP_LIMIT, Math.min(request.getOPT().getPayloadSize(), EDNS_PAYLOAD))
                : CLASSIC_UDP_LIMIT;
        return response.toWire(limit);
    }

    Message answer(Message request) {
        Header header = request.getHeader();
        Message response = new Message(header.getID());
        response.getHeader().setFlag(Flags.QR);
        if (header.getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD); // RFC 1035 §4.1.1: copied into the response
        }
        response.getHeader().setOpcode(header.getOpcode());
        if (request.getOPT() != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        if (header.getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response;
        }
        Record question = request.getQuestion();
        if (question == null || header.getCount(Section.QUESTION) != 1) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        if (!name.subdomain(zone.getOrigin())) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        SetResponse found = zone.findRecords(name, question.getType());
        if (found.isSuccessful()) {
            addAll(response, found.answers(), Section.ANSWER);
        } else if (found.isCNAME()) {
            response.addRecord(found.getCNAME(), Section.ANSWER);
        } else if (found.isNXDOMAIN()) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(negativeSoa(), Section.AUTHORITY);
        } else {
            // NXRRSET: the name exists but has no record of this type (NODATA).
            response.addRecord(negativeSoa(), Section.AUTHORITY);
        }
        return response;
    }

    /** RFC 2308 §3: the SOA's TTL in a negative answer is min(SOA TTL, SOA MINIMUM). */
    private Record negativeSoa() {
        SOARecord soa = zone.getSOA();
        long ttl = Math.min(soa.getTTL(), soa.getMinimum());
        return new SOARecord(soa.getName(), soa.getDClass(), ttl, soa.getHost(), soa.getAdmin(),
                soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    private static void addAll(Message response, List<RRset> sets, int section) {
        for (RRset set : sets) {
            for (Record record : set.rrs()) {
                response.addRecord(record, section);
            }
        }
    }

    /** RFC 1035 §4.1.1: FORMERR when at least the 12-byte header (and so the ID) could be read. */
    private static byte[] formatError(byte[] query) {
        if (query.length < Header.LENGTH) {
            return null;
        }
        int id = ((query[0] & 0xff) << 8) | (query[1] & 0xff);
        Message response = new Message(id);
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(Rcode.FORMERR);
        return response.toWire();
    }
}
