package navemu.hsts.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsUpdate;

/** The file implementation: the same rules, kept across restarts, written atomically, never clobbering. */
class FileHstsStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path home;

    private static HstsObservation secure(String host, String header) {
        return new HstsObservation(host, List.of(header), true, true);
    }

    @Test
    void entriesSurviveARestart() {
        Path path = home.resolve("hsts.json");
        FileHstsStore first = new FileHstsStore(path, CLOCK);
        first.observe(secure("hsts.lab.test", "max-age=31536000; includeSubDomains"), T0);
        first.add("manual.test", Duration.ofDays(2), false, T0);

        FileHstsStore second = new FileHstsStore(path, CLOCK);
        assertTrue(second.problem().isEmpty());
        assertEquals(first.list(T0), second.list(T0));
        HstsPolicy policy = second.lookup("www.hsts.lab.test", T0).orElseThrow();
        assertEquals("hsts.lab.test", policy.host());
        assertEquals(T0.plusSeconds(31_536_000), policy.expires());
        assertEquals("dynamic", policy.source());
    }

    @Test
    void deleteAndClearAreSavedToo() {
        Path path = home.resolve("hsts.json");
        FileHstsStore first = new FileHstsStore(path, CLOCK);
        first.add("a.test", Duration.ofDays(1), false, T0);
        first.add("b.test", Duration.ofDays(1), false, T0);
        assertTrue(first.delete("a.test"));
        assertEquals(List.of("b.test"), hosts(new FileHstsStore(path, CLOCK)));
        first.clear();
        assertEquals(List.of(), hosts(new FileHstsStore(path, CLOCK)));
    }

    @Test
    void maxAgeZeroRemovalIsSaved() {
        Path path = home.resolve("hsts.json");
        FileHstsStore first = new FileHstsStore(path, CLOCK);
        first.observe(secure("a.test", "max-age=100"), T0);
        first.observe(secure("a.test", "max-age=0"), T0);
        assertTrue(new FileHstsStore(path, CLOCK).lookup("a.test", T0).isEmpty());
    }

    @Test
    void ignoredHeadersDoNotTouchTheFile() {
        Path path = home.resolve("hsts.json");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        HstsUpdate update = store.observe(new HstsObservation("a.test", List.of("max-age=100"), false, true), T0);
        assertFalse(update.changed());
        assertFalse(Files.exists(path));
    }

    @Test
    void aMissingFileAndDirectoryAreAnEmptyStoreAndAreCreatedOnTheFirstChange() {
        Path path = home.resolve("not/yet/there/hsts.json");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        assertTrue(store.problem().isEmpty());
        assertEquals(List.of(), store.list(T0));
        store.add("a.test", Duration.ofDays(1), true, T0);
        assertTrue(Files.isRegularFile(path));
    }

    @Test
    void expiredEntriesAreDroppedWhenTheFileIsWritten() throws Exception {
        Path path = home.resolve("hsts.json");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        store.observe(secure("short.test", "max-age=10"), T0);
        store.observe(secure("long.test", "max-age=1000"), T0.plusSeconds(20));
        assertEquals(List.of("long.test"), new HstsJsonFile(path).read().stream().map(HstsPolicy::host).toList());
    }

    @Test
    void aWriteLeavesNoTemporaryFileBehind() throws IOException {
        Path path = home.resolve("hsts.json");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        for (int i = 0; i < 5; i++) {
            store.add("host" + i + ".test", Duration.ofDays(1), false, T0);
        }
        try (Stream<Path> files = Files.list(home)) { // the file, and the (empty) lock file that stays
            assertEquals(List.of(path, home.resolve("hsts.json.lock")), files.sorted().toList());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        Path path = home.resolve("hsts.json");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        store.add("seed.test", Duration.ofDays(1), false, T0);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> failures = new ArrayList<>();
        Thread reader = new Thread(() -> {
            HstsJsonFile file = new HstsJsonFile(path);
            while (writing.get()) {
                try {
                    file.read();
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e.toString());
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < 150; i++) {
            // Growing documents, so that a torn write would show as broken JSON.
            store.add("host-" + i + "-" + "x".repeat(40) + ".test", Duration.ofDays(1), true, T0);
        }
        writing.set(false);
        reader.join(30_000);
        assertEquals(List.of(), failures);
        assertEquals(151, new HstsJsonFile(path).read().size());
    }

    @Test
    void aCorruptFileIsMovedAsideWithAClearMessageAndNeverOverwritten() throws IOException {
        Path path = home.resolve("hsts.json");
        String damaged = "{\"format\": \"navemu-hsts\", \"version\": 1, \"entries\": [ {\"host\": ";
        Files.writeString(path, damaged);

        FileHstsStore store = new FileHstsStore(path, CLOCK);

        Path aside = home.resolve("hsts.json.corrupt-20261122T150000Z");
        String problem = store.problem().orElseThrow();
        assertTrue(problem.startsWith("HSTS file " + path + " is corrupt (not valid JSON: "), problem);
        assertTrue(problem.endsWith("moved it to " + aside + " and started with no entries"), problem);
        assertEquals(damaged, Files.readString(aside));
        assertFalse(Files.exists(path));
        assertEquals(List.of(), store.list(T0));

        store.add("a.test", Duration.ofDays(1), false, T0);
        assertEquals(damaged, Files.readString(aside), "the corrupt file is kept as it was");
        assertEquals(List.of("a.test"), hosts(new FileHstsStore(path, CLOCK)));
    }

    @Test
    void aSecondCorruptFileAtTheSameSecondDoesNotReplaceTheFirst() throws IOException {
        Path path = home.resolve("hsts.json");
        Files.writeString(path, "first");
        new FileHstsStore(path, CLOCK);
        Files.writeString(path, "second");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        assertTrue(store.problem().orElseThrow().contains("hsts.json.corrupt-20261122T150000Z-1"));
        assertEquals("first", Files.readString(home.resolve("hsts.json.corrupt-20261122T150000Z")));
        assertEquals("second", Files.readString(home.resolve("hsts.json.corrupt-20261122T150000Z-1")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "''|the file is empty",
            "[]|the document is not a JSON object",
            "{}x|not valid JSON",
            "{'format': 'navemu-hsts'}|not valid JSON",
            "{\"format\": \"chrome\", \"version\": 1, \"entries\": []}|\"format\" is \"chrome\"",
            "{\"format\": \"navemu-hsts\", \"version\": 2, \"entries\": []}|\"version\" is 2, expected 1",
            "{\"format\": \"navemu-hsts\", \"version\": 1}|\"entries\" is missing",
            "{\"format\": \"navemu-hsts\", \"version\": 1, \"entries\": [1]}|entry 1 is not a JSON object",
            "{\"format\": \"navemu-hsts\", \"version\": 1, \"entries\": [{\"host\": \"A.test\"}]}|entry 1: host \"A.test\" is not in normal form",
            "{\"format\": \"navemu-hsts\", \"version\": 1, \"entries\": [{\"host\": \"10.0.0.1\"}]}|entry 1: 10.0.0.1 is an IP literal",
            "{\"format\": \"navemu-hsts\", \"version\": 1, \"entries\": [{\"host\": \"a.test\", \"includeSubDomains\": \"yes\"}]}|entry 1: \"includeSubDomains\" must be true or false",
            "{\"format\": \"navemu-hsts\", \"version\": 1, \"entries\": [{\"host\": \"a.test\", \"includeSubDomains\": true, \"observed\": \"yesterday\"}]}|entry 1: \"observed\" is not an ISO-8601 instant",
    })
    void theMessageSaysWhatIsWrongWithTheFile(String content, String reason) throws IOException {
        Path path = home.resolve("hsts.json");
        Files.writeString(path, content);
        String problem = new FileHstsStore(path, CLOCK).problem().orElseThrow();
        assertTrue(problem.contains(reason), problem);
    }

    @Test
    void aFileThatIsNotUtf8IsCorrupt() throws IOException {
        Path path = home.resolve("hsts.json");
        Files.write(path, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertTrue(new FileHstsStore(path, CLOCK).problem().orElseThrow().contains("not UTF-8"));
    }

    @Test
    void theWrittenFileIsReadableJson() throws Exception {
        Path path = home.resolve("hsts.json");
        new FileHstsStore(path, CLOCK).add("a.test", Duration.ofSeconds(Long.MAX_VALUE), true, T0);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"format\": \"navemu-hsts\""), text);
        assertEquals(Instant.MAX, new HstsJsonFile(path).read().get(0).expires());
    }

    @Test
    void whenTheFileCannotBeWrittenTheNoteSaysSo() throws IOException {
        Path directory = home.resolve("sub");
        FileHstsStore store = new FileHstsStore(directory.resolve("hsts.json"), CLOCK);
        Files.writeString(directory, "a file where the directory should be");
        HstsUpdate update = store.observe(secure("a.test", "max-age=100"), T0);
        assertTrue(update.changed());
        assertTrue(update.note().startsWith("stored max-age=100; not saved: could not open the lock file"), update.note());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.add("b.test", Duration.ofDays(1), false, T0));
        assertTrue(e.getMessage().startsWith("added b.test for this run only; not saved"), e.getMessage());
        assertTrue(store.lookup("b.test", T0).isPresent(), "the store still works in memory");
    }

    @Test
    void aFileThatCannotBeReadIsLeftAloneAndNothingIsSaved() throws IOException {
        Path path = home.resolve("hsts.json");
        Files.createDirectory(path); // readString fails on a directory, as on a file without read permission
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        assertTrue(store.problem().orElseThrow().contains("cannot be read"), store.problem().orElseThrow());
        HstsUpdate update = store.observe(secure("a.test", "max-age=100"), T0);
        assertTrue(update.note().endsWith("not saved: " + path + " could not be read, so it is left as it is"),
                update.note());
        assertTrue(Files.isDirectory(path));
    }

    @Test
    void aBadEntryIsSkippedTheOthersLoadAndTheFileIsNotSetAside() throws IOException {
        Path path = home.resolve("hsts.json");
        Files.writeString(path, """
                {"format": "navemu-hsts", "version": 1, "entries": [
                  {"host": "a.test", "includeSubDomains": true, "observed": "2026-11-01T00:00:00Z",
                   "expires": "2027-11-01T00:00:00Z", "source": "dynamic"},
                  {"host": "b.test", "includeSubDomains": true, "observed": "yesterday",
                   "expires": "2027-11-01T00:00:00Z", "source": "dynamic"},
                  {"host": "c.test", "includeSubDomains": false, "observed": "2026-11-01T00:00:00Z",
                   "expires": "2027-11-01T00:00:00Z", "source": "manual"}
                ]}""");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        assertEquals(List.of("a.test", "c.test"), hosts(store));
        String problem = store.problem().orElseThrow();
        assertTrue(problem.contains("skipped 1 bad entry and loaded the other 2 (entry 2: \"observed\" is not an ISO-8601"),
                problem);
        assertTrue(Files.exists(path));
        try (Stream<Path> files = Files.list(home)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("corrupt")));
        }
    }

    @Test
    void aTemporaryFileACrashLeftIsRemovedAtStart() throws IOException {
        Path path = home.resolve("hsts.json");
        new FileHstsStore(path, CLOCK).add("a.test", Duration.ofDays(1), false, T0);
        Path stale = Files.writeString(home.resolve("hsts.json.5550123.tmp"), "{\"format\": \"navemu-hs");
        FileHstsStore restarted = new FileHstsStore(path, CLOCK);
        assertFalse(Files.exists(stale));
        assertEquals(List.of("a.test"), hosts(restarted));
    }

    @Test
    void aHugeFileIsSetAsideUnreadWithAMessage() throws IOException {
        Path path = home.resolve("hsts.json");
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(path.toFile(), "rw")) {
            huge.setLength(navemu.store.file.AtomicFile.MAX_BYTES + 1);
        }
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        assertTrue(store.problem().orElseThrow().contains("more than the " + navemu.store.file.AtomicFile.MAX_BYTES),
                store.problem().orElseThrow());
        store.add("a.test", Duration.ofDays(1), false, T0);
        assertEquals(List.of("a.test"), hosts(new FileHstsStore(path, CLOCK)));
    }

    /** Two stores on one file (as two processes are): each change is made on the file's latest contents. */
    @Test
    void twoStoresOnOneFileKeepEachOthersChanges() {
        Path path = home.resolve("hsts.json");
        FileHstsStore one = new FileHstsStore(path, CLOCK);
        FileHstsStore two = new FileHstsStore(path, CLOCK);
        one.add("one.test", Duration.ofDays(1), false, T0);
        assertTrue(two.lookup("one.test", T0).isPresent(), "a lookup sees what the other store wrote");
        two.add("two.test", Duration.ofDays(1), false, T0);
        one.observe(secure("three.test", "max-age=100"), T0);
        assertEquals(List.of("one.test", "three.test", "two.test"), hosts(new FileHstsStore(path, CLOCK)));
        assertEquals(List.of("one.test", "three.test", "two.test"), hosts(one), "one now sees two's entry too");
        assertTrue(two.delete("three.test"), "two deletes what one stored");
        two.clear();
        assertEquals(List.of(), hosts(new FileHstsStore(path, CLOCK)));
    }

    @Test
    void aFileCorruptedWhileRunningIsSetAsideAndTheEntriesAreWrittenBack() throws IOException {
        Path path = home.resolve("hsts.json");
        FileHstsStore store = new FileHstsStore(path, CLOCK);
        store.add("a.test", Duration.ofDays(1), false, T0);
        Files.writeString(path, "garbage");
        HstsUpdate ignored = store.observe(new HstsObservation("b.test", List.of("max-age=100"), false, true), T0);
        assertFalse(ignored.changed(), ignored.note());
        assertTrue(store.problem().orElseThrow().contains("is corrupt"), store.problem().orElseThrow());
        assertEquals("garbage", Files.readString(home.resolve("hsts.json.corrupt-20261122T150000Z")));
        assertEquals(List.of("a.test"), hosts(new FileHstsStore(path, CLOCK)));
    }

    private static List<String> hosts(FileHstsStore store) {
        return store.list(T0).stream().map(HstsPolicy::host).toList();
    }
}
