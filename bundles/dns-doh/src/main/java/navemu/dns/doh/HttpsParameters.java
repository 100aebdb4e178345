package navemu.dns.doh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;

/**
 * What an HTTPS resource record (RFC 9460) tells a client about the name's own endpoint: port and
 * ALPN. As in dns-dnsjava: only ServiceMode records whose TargetName is "." or the owner itself
 * (§2.5.2), lowest SvcPriority first (§2.4.1); the others are named in {@code notes}.
 */
record HttpsParameters(Integer port, List<String> alpn, String source) {

    /** @return the parameters of the best usable record, or null when there is none */
    static HttpsParameters choose(List<Record> records, Name owner, List<String> notes) {
        List<HTTPSRecord> https = new ArrayList<>();
        for (Record record : records) {
            if (record instanceof HTTPSRecord h) {
                https.add(h);
            }
        }
        https.sort(Comparator.comparingInt(HTTPSRecord::getSvcPriority));
        for (HTTPSRecord record : https) {
            if (record.getSvcPriority() == 0) {
                notes.add("HTTPS AliasMode record to " + record.getTargetName() + " not followed (RFC 9460 §2.4.2)");
                continue;
            }
            if (!record.getTargetName().equals(Name.root) && !record.getTargetName().equals(owner)) {
                notes.add("HTTPS ServiceMode record for target " + record.getTargetName() + " not followed: only records"
                        + " whose target is the name itself are used");
                continue;
            }
            Integer port = record.getSvcParamValue(SVCBBase.PORT) instanceof SVCBBase.ParameterPort p ? p.getPort() : null;
            List<String> alpn = record.getSvcParamValue(SVCBBase.ALPN) instanceof SVCBBase.ParameterAlpn a
                    ? List.copyOf(a.getValues()) : List.of();
            return new HttpsParameters(port, alpn, "HTTPS RR of " + DohResolver.trimDot(owner) + " (" + record.rdataToString() + ")");
        }
        return null;
    }
}
