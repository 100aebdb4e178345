package navemu.dns.dnsjava;

import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Reads the answer section the way RFC 1034 §5.3.3 describes: start at the name asked, follow
 * CNAMEs to their targets, and keep the records of the asked type at the end of the chain.
 * Records for other names (which a server might add) are not trusted.
 */
final class AnswerChain {

    /** A chain longer than this is a loop or an attack; resolvers cap it similarly. */
    static final int MAX_CNAMES = 8;

    private AnswerChain() {
    }

    static List<Record> follow(Message response, Name asked, int type) {
        List<Record> answer = response.getSection(Section.ANSWER);
        List<Record> chain = new ArrayList<>();
        Name current = asked;
        for (int hops = 0; hops <= MAX_CNAMES; hops++) {
            List<Record> found = new ArrayList<>();
            CNAMERecord alias = null;
            for (Record record : answer) {
                if (!record.getName().equals(current)) {
                    continue;
                }
                if (record.getType() == type) {
                    found.add(record);
                } else if (record instanceof CNAMERecord) {
                    alias = (CNAMERecord) record;
                }
            }
            if (!found.isEmpty()) {
                chain.addAll(found);
                return chain;
            }
            if (alias == null) {
                return chain;
            }
            chain.add(alias);
            current = alias.getTarget();
        }
        return chain;
    }
}
