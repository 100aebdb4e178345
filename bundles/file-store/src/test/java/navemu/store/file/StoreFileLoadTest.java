package navemu.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileLoadTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC);
    private static final StoreFileLoad.Words WORDS = new StoreFileLoad.Words("test file", "test entries", "no entries");

    @TempDir
    Path home;

    private static StoreFileLoad<String> load(Path path) {
        AtomicFile file = AtomicFile.of(path);
        return StoreFileLoad.load(path, () -> StrictJson.object(file.readText().orElse("{}")).toString(), WORDS, CLOCK);
    }

    @Test
    void aGoodFileIsLoadedWithoutAProblem() throws Exception {
        Path path = Files.writeString(home.resolve("store.json"), "{\"a\": 1}");
        StoreFileLoad<String> load = load(path);
        assertEquals(Optional.of("{\"a\":1}"), load.contents());
        assertEquals(Optional.empty(), load.problem());
        assertEquals(Optional.empty(), load.notSaving());
    }

    @Test
    void aCorruptFileIsMovedAsideTheStoreStartsEmptyAndMaySave() throws Exception {
        Path path = Files.writeString(home.resolve("store.json"), "[]");
        StoreFileLoad<String> load = load(path);
        Path aside = home.resolve("store.json.corrupt-20261122T150000Z");
        assertEquals(Optional.empty(), load.contents());
        assertEquals("test file " + path + " is corrupt (the document is not a JSON object): moved it to "
                + aside + " and started with no entries", load.problem().orElseThrow());
        assertEquals(Optional.empty(), load.notSaving());
        assertEquals("[]", Files.readString(aside));
        assertFalse(Files.exists(path));
    }

    @Test
    void aCorruptFileThatCannotBeMovedIsLeftAndNothingIsSaved() throws Exception {
        Path path = home.resolve("store.json");
        StoreFileLoad<String> load = StoreFileLoad.load(path, () -> {
            throw new CorruptFileException("the file is empty");
        }, WORDS, CLOCK); // the file does not exist, so the move fails
        String problem = load.problem().orElseThrow();
        assertTrue(problem.startsWith("test file " + path + " is corrupt (the file is empty) and could not be moved aside ("),
                problem);
        assertTrue(problem.endsWith("): test entries are kept in memory only"), problem);
        assertEquals("not saved: " + path + " is corrupt and was left as it is", load.notSaving().orElseThrow());
    }

    @Test
    void aFileThatCannotBeReadIsLeftAndNothingIsSaved() throws Exception {
        Path path = Files.createDirectory(home.resolve("store.json"));
        StoreFileLoad<String> load = load(path);
        String problem = load.problem().orElseThrow();
        assertTrue(problem.startsWith("test file " + path + " cannot be read ("), problem);
        assertTrue(problem.endsWith("): test entries are kept in memory only"), problem);
        assertEquals("not saved: " + path + " could not be read, so it is left as it is", load.notSaving().orElseThrow());
        assertTrue(Files.isDirectory(path));
    }

    @Test
    void badEntriesAreSkippedNamedAndTheRestLoaded() throws Exception {
        Path path = Files.writeString(home.resolve("store.json"), "{\"entries\": [1, \"x\", 3, \"y\", \"z\", \"w\"]}");
        AtomicFile file = AtomicFile.of(path);
        StoreFileLoad<ReadEntries<Integer>> load = StoreFileLoad.load(path,
                () -> StrictJson.entries(StrictJson.object(file.readText().orElseThrow()), (element, where) -> {
                    if (!element.getAsJsonPrimitive().isNumber()) {
                        throw new CorruptFileException(where + " is not a number");
                    }
                    return element.getAsInt();
                }), WORDS, CLOCK);
        assertEquals(java.util.List.of(1, 3), load.contents().orElseThrow());
        assertEquals("test file " + path + ": skipped 4 bad entries and loaded the other 2 (entry 2 is not a number; "
                + "entry 4 is not a number; entry 5 is not a number; and 1 more); the next save leaves them out",
                load.problem().orElseThrow());
        assertEquals(Optional.empty(), load.notSaving());
        assertTrue(Files.exists(path), "not moved aside");
    }

    @Test
    void atStartTheTemporariesACrashLeftAreRemoved() throws Exception {
        Path path = Files.writeString(home.resolve("store.json"), "{\"a\": 1}");
        Path stale = Files.writeString(home.resolve("store.json.4242.tmp"), "half a write");
        AtomicFile file = AtomicFile.of(path);
        StoreFileLoad<String> load = StoreFileLoad.atStart(file,
                () -> StrictJson.object(file.readText().orElse("{}")).toString(), WORDS, CLOCK);
        assertEquals(Optional.of("{\"a\":1}"), load.contents());
        assertFalse(Files.exists(stale));
    }
}
