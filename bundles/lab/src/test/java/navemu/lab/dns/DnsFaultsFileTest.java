package navemu.lab.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import navemu.lab.LabConfigException;

class DnsFaultsFileTest {

    @TempDir
    Path dir;

    private Map<String, DnsFault> read(String text) throws Exception {
        Path file = dir.resolve(DnsFaultsFile.FILE_NAME);
        Files.writeString(file, text);
        return DnsFaultsFile.read(file, "lab.test");
    }

    private String error(String text) {
        return assertThrows(LabConfigException.class, () -> read(text)).getMessage();
    }

    @Test
    void everyFaultIsReadWithItsArgument() throws Exception {
        Map<String, DnsFault> faults = read("# comment\n\nT.bad.lab.test. truncate\nm.bad.lab.test malformed\n"
                + "s.bad.lab.test slow 800ms\nf.bad.lab.test servfail\nh.bad.lab.test http-status 502\n");
        assertEquals(DnsFault.Kind.TRUNCATE, faults.get("t.bad.lab.test").kind(), "names are lower-cased, trailing dot dropped");
        assertEquals(DnsFault.Kind.MALFORMED, faults.get("m.bad.lab.test").kind());
        assertEquals(Duration.ofMillis(800), faults.get("s.bad.lab.test").delay());
        assertEquals(DnsFault.Kind.SERVFAIL, faults.get("f.bad.lab.test").kind());
        assertEquals(502, faults.get("h.bad.lab.test").httpStatus());
    }

    @Test
    void aMissingFileMeansNoFaults() {
        assertTrue(DnsFaultsFile.read(dir.resolve("absent.conf"), "lab.test").isEmpty());
    }

    @Test
    void badLinesAreNamedWithTheirLineNumber() {
        assertTrue(error("x.lab.test explode\n").contains(":1: unknown fault 'explode'"), error("x.lab.test explode\n"));
        assertTrue(error("\nx.lab.test slow\n").contains(":2: 'slow' needs a positive delay"));
        assertTrue(error("x.lab.test slow 0s\n").contains("positive delay"));
        assertTrue(error("x.lab.test http-status 200\n").contains("error status 400–599"));
        assertTrue(error("x.lab.test servfail now\n").contains("takes no argument"));
        assertTrue(error("example.com servfail\n").contains("not under the lab zone lab.test"));
        assertTrue(error("x.lab.test servfail\nx.lab.test malformed\n").contains(":2: x.lab.test is listed twice"));
        assertTrue(error("x.lab.test\n").contains("NAME FAULT [ARGUMENT]"));
    }
}
