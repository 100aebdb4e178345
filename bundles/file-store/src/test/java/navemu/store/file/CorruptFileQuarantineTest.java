package navemu.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptFileQuarantineTest {

    private static final Instant WHEN = Instant.parse("2026-11-22T15:00:00.750Z");

    @TempDir
    Path home;

    @Test
    void theFileIsRenamedBesideItselfWithTheUtcSecond() throws IOException {
        Path path = Files.writeString(home.resolve("store.json"), "damaged");
        Path aside = CorruptFileQuarantine.moveAside(path, WHEN);
        assertEquals(home.resolve("store.json.corrupt-20261122T150000Z"), aside);
        assertEquals("damaged", Files.readString(aside));
        assertFalse(Files.exists(path));
    }

    @Test
    void anEarlierFileSetAsideInTheSameSecondIsNeverOverwritten() throws IOException {
        Path path = home.resolve("store.json");
        for (String content : new String[] {"first", "second", "third"}) {
            Files.writeString(path, content);
            CorruptFileQuarantine.moveAside(path, WHEN);
        }
        assertEquals("first", Files.readString(home.resolve("store.json.corrupt-20261122T150000Z")));
        assertEquals("second", Files.readString(home.resolve("store.json.corrupt-20261122T150000Z-1")));
        assertEquals("third", Files.readString(home.resolve("store.json.corrupt-20261122T150000Z-2")));
    }

    @Test
    void aFileThatCannotBeMovedIsAnIOException() {
        assertThrows(IOException.class, () -> CorruptFileQuarantine.moveAside(home.resolve("absent.json"), WHEN));
    }
}
