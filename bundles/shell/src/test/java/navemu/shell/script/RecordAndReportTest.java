package navemu.shell.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.FakeComposition;
import navemu.shell.fixtures.FakeNavigator;
import navemu.shell.fixtures.Results;
import navemu.shell.fixtures.ShellHarness;

@Timeout(30)
class RecordAndReportTest {
    @TempDir
    Path dir;

    @Test
    void aRecordedScriptPinsEachNavigationAndReplaysGreen() throws Exception {
        Path script = dir.resolve("rec.nav");
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "record " + script + "; use tls tls13-ecdhe; open https://www.lab.test/; record stop; slots"));
        List<String> lines = Files.readAllLines(script);
        assertEquals(List.of(
                "# recorded by navemu; replay with: replay rec.nav",
                "# the composition and the empty session store the recording started from",
                "use hsts memory",
                "use dns dnsjava",
                "use tcp socket",
                "use tls tls13-ecdhe",
                "use cert pkix",
                "use session off",
                "sessions clear",
                "use tls tls13-ecdhe",
                "open https://www.lab.test/",
                "expect status == 200",
                "expect error == null",
                "expect tls.version == TLSv1.3",
                "expect tls.cipherSuite == TLS_AES_128_GCM_SHA256",
                "expect tls.resumed == false"), lines);
        ShellHarness replay = new ShellHarness();
        assertEquals(0, replay.main("--script", script.toString()));
        assertTrue(replay.out().contains("5 passed, 0 failed"), replay.out());
    }

    @Test
    void aRecordedScriptTurnsRedWhenASlotBehavesDifferently() throws Exception {
        Path script = dir.resolve("rec.nav");
        ShellHarness shell = new ShellHarness();
        shell.main("-c", "record " + script + "; open https://www.lab.test/; record stop");
        // A TLS implementation that prefers another suite.
        FakeNavigator other = new FakeNavigator(request -> {
            NavigationResult result = Results.ok(request.url(), 200, "jsse");
            result.tls = result.tls.toBuilder().cipherSuite("TLS_AES_256_GCM_SHA384").build();
            return result;
        });
        ShellHarness swapped = new ShellHarness(other, FakeComposition.standard(), false);
        assertEquals(1, swapped.main("--script", script.toString()));
        assertTrue(swapped.out().contains(script + ":14: expect tls.cipherSuite == TLS_AES_128_GCM_SHA256 failed: "
                + "tls.cipherSuite is TLS_AES_256_GCM_SHA384"), swapped.out());
    }

    @Test
    void recordingStartsFromTheActiveCompositionAndClearedSessionsInTheShellAndInTheScript() throws Exception {
        Path script = dir.resolve("rec.nav");
        java.util.concurrent.atomic.AtomicInteger cleared = new java.util.concurrent.atomic.AtomicInteger();
        FakeComposition composition = FakeComposition.standard().register(navemu.api.Slot.SESSION, "memory",
                new FakeComposition.KeepsNothing() {
                    @Override public void clear() { cleared.incrementAndGet(); }
                });
        ShellHarness shell = new ShellHarness(FakeNavigator.lab(), composition, false);
        assertEquals(0, shell.main("-c", "use tls jsse; use session memory; record " + script + "; record stop"));

        assertEquals(1, cleared.get(), "record clears the active session store when it starts");
        List<String> lines = Files.readAllLines(script);
        assertTrue(lines.containsAll(List.of("use tls jsse", "use session memory", "use hsts memory")), lines.toString());
        assertEquals("sessions clear", lines.get(lines.size() - 1), "after the use lines: " + lines);
        assertTrue(shell.out().contains("cleared the memory session store"), shell.out());

        assertEquals(0, new ShellHarness(FakeNavigator.lab(), composition, false).main("--script", script.toString()));
        assertEquals(2, cleared.get(), "its replay clears them too");
    }

    @Test
    void aFailedNavigationIsPinnedByItsError() throws Exception {
        Path script = dir.resolve("fail.nav");
        new ShellHarness().main("-c", "record " + script + "; open https://nosuch.lab.test/; record stop");
        List<String> lines = Files.readAllLines(script);
        assertTrue(lines.containsAll(List.of("expect status == null", "expect error == ERR_NAME_NOT_RESOLVED", "expect tls == null")),
                lines.toString());
        assertEquals(0, new ShellHarness().main("--script", script.toString()));
    }

    @Test
    void aHandshakeRefusedAtTheCertificateIsPinnedByWhatWasNegotiatedAndTheAlert() {
        List<String> lines = ScriptRecorder.expectations(Results.certificateExpired("https://expired.lab.test/", "tls13-ecdhe"));
        assertTrue(lines.contains("expect error == ERR_CERT_DATE_INVALID"), lines.toString());
        assertTrue(lines.contains("expect tls.version == TLSv1.3"), lines.toString());
        assertTrue(lines.contains("expect tls.cipherSuite == TLS_AES_128_GCM_SHA256"), lines.toString());
        assertTrue(lines.contains("expect tls.alertSent == certificate_expired"), lines.toString());
    }

    @Test
    void recordStopWithoutRecordingSaysSo() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "record stop"));
        assertTrue(shell.err().contains("not recording"), shell.err());
    }

    @Test
    void junitWritesOneCasePerExpectationWithFailuresAndErrors() throws Exception {
        Path report = dir.resolve("reports/TEST-navemu.xml");
        Path script = dir.resolve("s.nav");
        Files.writeString(script, "open https://www.lab.test/\nexpect status == 200\nexpect status == 404\nuse tls <nosuch>\n");
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("--script", script.toString(), "--junit", report.toString()));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        Element failed = (Element) suite.getElementsByTagName("testcase").item(1);
        assertEquals(script + ":3 expect status == 404", failed.getAttribute("name"));
        assertEquals("expect status == 404 failed: status is 200",
                ((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"));
        Element erred = (Element) suite.getElementsByTagName("testcase").item(2);
        assertTrue(((Element) erred.getElementsByTagName("error").item(0)).getAttribute("message").contains("<nosuch>"));
    }
}
