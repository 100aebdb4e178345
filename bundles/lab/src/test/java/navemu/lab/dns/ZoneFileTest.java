package navemu.lab.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

import navemu.lab.LabConfigException;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ZoneFileTest {

    private static final String HEADER = """
            $ORIGIN lab.test.
            $TTL 60
            @ IN SOA ns.lab.test. hostmaster.lab.test. ( 1 3600 600 86400 30 )
            @ IN NS ns.lab.test.
            ns IN A 127.0.0.1
            """;

    @TempDir
    Path dir;

    private Zone load(String records) throws Exception {
        Path file = dir.resolve("lab.test.zone");
        Files.writeString(file, HEADER + records);
        return ZoneFile.load(file, Name.fromString("lab.test."),
                (host, scheme) -> host.equals("www.lab.test") && scheme.equals("https") ? OptionalInt.of(4433) : OptionalInt.empty());
    }

    @Test
    void aPortPlaceholderBecomesTheHttpsRecordsPortParameter() throws Exception {
        Zone zone = load("www IN HTTPS 1 . alpn=http/1.1 port={https-port:www.lab.test} ; {https-port:in.a.comment}\n");
        HTTPSRecord record = (HTTPSRecord) zone.findExactMatch(Name.fromString("www.lab.test."), Type.HTTPS).first();
        assertEquals(4433, ((SVCBBase.ParameterPort) record.getSvcParamValue(SVCBBase.PORT)).getPort());
        assertEquals(1, record.getSvcPriority());
    }

    @Test
    void aPlaceholderForAnUnknownServerNamesTheLine() {
        LabConfigException e = assertThrows(LabConfigException.class,
                () -> load("www IN A 127.0.0.1\nx IN HTTPS 1 . port={http-port:www.lab.test}\n"));
        assertTrue(e.getMessage().contains("lab.test.zone:7") && e.getMessage().contains("{http-port:www.lab.test}"), e.getMessage());
    }

    @Test
    void aBrokenRecordIsReportedWithDnsjavasLineNumber() {
        LabConfigException e = assertThrows(LabConfigException.class, () -> load("www IN A 999.1.1.1\n"));
        assertTrue(e.getMessage().contains("not a valid zone file") && e.getMessage().contains("lab.test.zone:6: not a valid zone file: Invalid address"), e.getMessage());
    }

    @Test
    void aZoneWithoutSoaIsRejected() throws Exception {
        Path file = dir.resolve("bad.zone");
        Files.writeString(file, "$ORIGIN lab.test.\nwww 60 IN A 127.0.0.1\n");
        LabConfigException e = assertThrows(LabConfigException.class,
                () -> ZoneFile.load(file, Name.fromString("lab.test."), (h, s) -> OptionalInt.empty()));
        assertTrue(e.getMessage().contains("not a usable zone"), e.getMessage());
    }
}
