package navemu.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;

/**
 * Two real JVM processes share one session file, as two navemu shells sharing {@code ~/.navemu}
 * do, and both take TLS 1.3 tickets for the same server at once: every ticket is given to exactly
 * one of them (RFC 8446 §8.1: a ticket is used once), and none is lost.
 */
class TwoProcessesSessionTest {

    static final SessionKey KEY = new SessionKey("resume.lab.test", 8443, "resume.lab.test");
    private static final int TICKETS = 80;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aTicketIsNeverGivenToBothProcesses() throws Exception {
        Path file = home.resolve("sessions.json");
        FileSessionStore setup = new FileSessionStore(file, 256, Clock.systemUTC());
        Instant now = Instant.now();
        for (int i = 0; i < TICKETS; i++) {
            setup.put(KEY, ticket("ticket-" + i, now.minusMillis(i)));
        }
        Path go = home.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                    TicketTakerProcess.class.getName(), file.toString(), go.toString())
                    .redirectOutput(home.resolve(name + ".out").toFile())
                    .redirectError(home.resolve(name + ".err").toFile()).start());
        }
        Files.writeString(go, "go");
        for (Process process : processes) {
            assertTrue(process.waitFor(240, TimeUnit.SECONDS), "a process did not finish");
        }
        for (String name : List.of("first", "second")) {
            assertEquals(0, processes.get(name.equals("first") ? 0 : 1).exitValue(),
                    () -> name + " failed: " + read(home.resolve(name + ".err")));
        }
        List<String> first = Files.readAllLines(home.resolve("first.out"), StandardCharsets.UTF_8);
        List<String> second = Files.readAllLines(home.resolve("second.out"), StandardCharsets.UTF_8);
        Set<String> both = new TreeSet<>(first);
        both.retainAll(second);
        assertEquals(Set.of(), both, "tickets given to both processes");
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        assertEquals(TICKETS, first.size() + second.size(), "each ticket given once: " + first.size() + " + " + second.size());
        assertEquals(TICKETS, all.size());
        assertTrue(new FileSessionStore(file, 256, Clock.systemUTC()).list(Instant.now()).isEmpty());
    }

    private static StoredSession ticket(String ticket, Instant created) {
        return new StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null,
                ticket.getBytes(StandardCharsets.US_ASCII), new byte[] {1, 2, 3}, created,
                Duration.ofHours(2), 0x1234_5678L, 0, "http/1.1", false,
                // A session is kept and offered only with the chain it was validated with.
                new navemu.api.session.SessionCertificate(java.util.List.of(new byte[] {0x30, 0x00}), null, "ECDHE", "pkix",
                        "valid", created));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
