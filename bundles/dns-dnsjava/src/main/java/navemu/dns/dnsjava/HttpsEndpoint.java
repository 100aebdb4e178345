package navemu.dns.dnsjava;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;

/**
 * What an HTTPS resource record (RFC 9460) tells a client about the name's own endpoint: the
 * port and ALPN ids to use. Only ServiceMode records whose TargetName is "." (the owner name
 * itself, RFC 9460 §2.5.2) are used; AliasMode (priority 0) and other targets would need more
 * queries, and the trace says they were not followed.
 *
 * @param port   the {@code port} SvcParam, or null
 * @param alpn   the {@code alpn} SvcParam ids; empty when none
 * @param source the record it came from, for the trace
 */
record HttpsEndpoint(Integer port, List<String> alpn, String source) {

    /** The best usable record (lowest SvcPriority first, RFC 9460 §2.4.1), and notes on the ones skipped. */
    static Optional<HttpsEndpoint> choose(List<Record> records, Name owner, List<String> notes) {
        List<HTTPSRecord> https = new ArrayList<>();
        for (Record record : records) {
            if (record instanceof HTTPSRecord) {
                https.add((HTTPSRecord) record);
            }
        }
        https.sort(Comparator.comparingInt(HTTPSRecord::getSvcPriority));
        for (HTTPSRecord record : https) {
            if (record.getSvcPriority() == 0) {
                notes.add("HTTPS AliasMode record to " + record.getTargetName() + " not followed (RFC 9460 §2.4.2)");
                continue;
            }
            Name target = record.getTargetName();
            if (!target.equals(Name.root) && !target.equals(owner)) {
                notes.add("HTTPS ServiceMode record for target " + target + " not followed: navemu uses only"
                        + " records whose target is the name itself");
                continue;
            }
            Integer port = null;
            SVCBBase.ParameterBase portParam = record.getSvcParamValue(SVCBBase.PORT);
            if (portParam instanceof SVCBBase.ParameterPort) {
                port = ((SVCBBase.ParameterPort) portParam).getPort();
            }
            List<String> alpn = List.of();
            SVCBBase.ParameterBase alpnParam = record.getSvcParamValue(SVCBBase.ALPN);
            if (alpnParam instanceof SVCBBase.ParameterAlpn) {
                alpn = List.copyOf(((SVCBBase.ParameterAlpn) alpnParam).getValues());
            }
            return Optional.of(new HttpsEndpoint(port, alpn, "HTTPS RR of " + trimDot(owner) + " (" + record.rdataToString() + ")"));
        }
        return Optional.empty();
    }

    static String trimDot(Name name) {
        String text = name.toString();
        return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
    }
}
