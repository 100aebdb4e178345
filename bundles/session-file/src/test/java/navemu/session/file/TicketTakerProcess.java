package navemu.session.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import navemu.api.session.StoredSession;

/**
 * One navemu-like process for {@link TwoProcessesSessionTest}: waits for the go file, then takes
 * TLS 1.3 tickets for {@link TwoProcessesSessionTest#KEY} from the session file until there are
 * none, printing each ticket it was given (the ticket it would use).
 */
public final class TicketTakerProcess {

    private TicketTakerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        Path go = Path.of(args[1]);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go file " + go);
            }
            Thread.sleep(5);
        }
        FileSessionStore store = new FileSessionStore(path, 256, Clock.systemUTC(), Duration.ofSeconds(60));
        while (true) {
            Optional<StoredSession> taken = store.take(TwoProcessesSessionTest.KEY, Instant.now());
            if (taken.isEmpty()) {
                store.problem().filter(p -> p.startsWith("not saved")).ifPresent(p -> {
                    throw new IllegalStateException(p);
                });
                return;
            }
            System.out.println(new String(taken.get().ticket(), StandardCharsets.US_ASCII));
        }
    }
}
