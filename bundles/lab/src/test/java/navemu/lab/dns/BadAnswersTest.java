package navemu.lab.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import navemu.lab.LabFixtureAccess;
import navemu.lab.LabWorld;

/**
 * The names of {@code config/lab/dns-faults.conf}, asked by dnsjava's SimpleResolver over real
 * UDP and TCP: each goes wrong the listed way, and only that name does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadAnswersTest {

    private static LabWorld lab;

    @BeforeAll
    static void startLab() {
        lab = LabFixtureAccess.shared();
    }

    private static SimpleResolver resolver(boolean tcp, Duration timeout) {
        SimpleResolver resolver = new SimpleResolver(lab.dnsAddress());
        resolver.setTCP(tcp);
        resolver.setTimeout(timeout);
        return resolver;
    }

    private static Message query(String name, int type) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    }

    @Test
    void truncatedSetsTcOverUdpWithNoRecordsAndTcpCarriesTheFullAnswer() throws Exception {
        SimpleResolver udp = resolver(false, Duration.ofSeconds(5));
        udp.setIgnoreTruncation(true); // see the UDP answer itself, not dnsjava's own retry over TCP
        Message truncated = udp.send(query("truncated.bad.lab.test.", Type.A));
        assertTrue(truncated.getHeader().getFlag(Flags.TC), "TC over UDP");
        assertTrue(truncated.getSection(Section.ANSWER).isEmpty());

        Message full = resolver(true, Duration.ofSeconds(5)).send(query("truncated.bad.lab.test.", Type.A));
        assertFalse(full.getHeader().getFlag(Flags.TC));
        assertEquals(Rcode.NOERROR, full.getRcode());
        assertEquals(4, full.getSection(Section.ANSWER).size(), "the four A records of the zone");
    }

    @Test
    void aResolverThatHonoursTcRetriesOverTcpAndGetsEveryRecord() throws Exception {
        Message answer = resolver(false, Duration.ofSeconds(5)).send(query("truncated.bad.lab.test.", Type.A));
        assertFalse(answer.getHeader().getFlag(Flags.TC));
        assertEquals(4, answer.getSection(Section.ANSWER).size());
    }

    @Test
    void malformedIsRejectedByTheParserOverUdpAndTcp() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            IOException e = assertThrows(IOException.class,
                    () -> resolver(tcp, Duration.ofSeconds(5)).send(query("malformed.bad.lab.test.", Type.A)),
                    tcp ? "tcp" : "udp");
            assertFalse(e instanceof java.net.SocketTimeoutException, "rejected, not timed out: " + e);
        }
    }

    @Test
    void slowAnswersAfterTheResolversTimeout() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            SimpleResolver resolver = resolver(tcp, Duration.ofMillis(500));
            assertThrows(IOException.class, () -> resolver.send(query("slow.bad.lab.test.", Type.A)),
                    "the lab holds the answer 5 s; a 500 ms resolver gives up (" + (tcp ? "tcp" : "udp") + ")");
        }
    }

    @Test
    void servfailIsRcode2WithNoRecords() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            Message answer = resolver(tcp, Duration.ofSeconds(5)).send(query("servfail.bad.lab.test.", Type.A));
            assertEquals(Rcode.SERVFAIL, answer.getRcode());
            assertTrue(answer.getSection(Section.ANSWER).isEmpty());
            assertFalse(answer.getHeader().getFlag(Flags.AA));
        }
    }

    @Test
    void theDohOnlyFaultLeavesUdpHonestAndOtherNamesAreUntouched() throws Exception {
        Message httpError = resolver(false, Duration.ofSeconds(5)).send(query("http-error.bad.lab.test.", Type.A));
        assertEquals(Rcode.NOERROR, httpError.getRcode());
        assertEquals(1, httpError.getSection(Section.ANSWER).size());
        Message www = resolver(false, Duration.ofSeconds(5)).send(query("www.lab.test.", Type.A));
        assertFalse(www.getHeader().getFlag(Flags.TC));
        assertEquals(1, www.getSection(Section.ANSWER).size());
    }
}
