package navemu.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path home;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void aFileThatDoesNotExistYetReadsAsNothing() throws Exception {
        assertEquals(Optional.empty(), AtomicFile.of(home.resolve("absent.json")).readText());
    }

    @Test
    void aWriteReplacesTheOldContentWhole() throws Exception {
        Path path = home.resolve("store.json");
        AtomicFile file = AtomicFile.of(path);
        file.write(utf8("a much longer first document"));
        file.write(utf8("short"));
        assertEquals(Optional.of("short"), file.readText());
    }

    @Test
    void aWriteCreatesTheMissingDirectories() throws Exception {
        Path path = home.resolve("a/b/store.json");
        AtomicFile.of(path).write(utf8("x"));
        assertEquals("x", Files.readString(path));
    }

    @Test
    void writesLeaveNoTemporaryFileBehind() throws Exception {
        Path path = home.resolve("store.json");
        AtomicFile file = AtomicFile.ownerOnly(path);
        for (int i = 0; i < 10; i++) {
            file.write(utf8("document " + i));
        }
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of(path), files.toList());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws Exception {
        Path directory = Files.createDirectory(home.resolve("state"));
        Path path = directory.resolve("store.json");
        AtomicFile file = AtomicFile.of(path);
        file.write(utf8("old"));
        // A directory where the file should be: the rename over it fails.
        Files.delete(path);
        Files.createDirectory(path);
        Files.writeString(path.resolve("inside"), "keeps the directory non-empty");

        assertThrows(IOException.class, () -> file.write(utf8("new")));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(path), files.toList(), "no temporary file left");
        }
        assertTrue(Files.isDirectory(path));
    }

    @Test
    void aWriteWhereNoDirectoryCanBeMadeFailsWithAnIOException() throws Exception {
        Path blocker = Files.writeString(home.resolve("blocker"), "x");
        assertThrows(IOException.class, () -> AtomicFile.of(blocker.resolve("store.json")).write(utf8("y")));
        assertEquals("x", Files.readString(blocker));
    }

    @Test
    void anOwnerOnlyFileIsCreatedReadableByItsOwnerAlone() throws Exception {
        assumeTrue(posix());
        Path path = home.resolve("secrets.json");
        AtomicFile.ownerOnly(path).write(utf8("{}"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void anOwnerOnlyFileOpenToOthersIsTightenedWhenRead() throws Exception {
        assumeTrue(posix());
        Path path = Files.writeString(home.resolve("secrets.json"), "{}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.of("{}"), AtomicFile.ownerOnly(path).readText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void anOrdinaryFileKeepsItsPermissionsWhenRead() throws Exception {
        assumeTrue(posix());
        Path path = Files.writeString(home.resolve("hsts.json"), "{}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFile.of(path).readText();
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void aFileThatIsNotUtf8IsCorrupt() throws Exception {
        Path path = home.resolve("store.json");
        Files.write(path, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> AtomicFile.of(path).readText());
        assertEquals("not UTF-8 text", e.getMessage());
    }

    @Test
    void aFileThatCannotBeReadIsAnIOExceptionNotACorruptFile() throws Exception {
        Path path = Files.createDirectory(home.resolve("store.json"));
        assertThrows(IOException.class, () -> AtomicFile.of(path).readText());
        assertTrue(Files.isDirectory(path));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        Path path = home.resolve("store.json");
        AtomicFile file = AtomicFile.of(path);
        file.write(utf8("[0]"));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> torn = new ArrayList<>();
        Thread reader = new Thread(() -> {
            AtomicFile same = AtomicFile.of(path);
            while (writing.get()) {
                try {
                    String text = same.readText().orElseThrow();
                    // Every document written is "[" + n zeros + "]": anything else is a mixture.
                    if (!text.matches("\\[0+\\]")) {
                        synchronized (torn) {
                            torn.add(text.length() + " chars");
                        }
                    }
                } catch (Exception e) {
                    synchronized (torn) {
                        torn.add(e.toString());
                    }
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 200; i++) {
            file.write(utf8("[" + "0".repeat(i * 50) + "]"));
        }
        writing.set(false);
        reader.join(30_000);
        assertFalse(reader.isAlive());
        assertEquals(List.of(), torn);
    }

    @Test
    void staleTemporariesOfThisFileAreRemovedAndNothingElse() throws Exception {
        Path file = home.resolve("sessions.json");
        AtomicFile atomic = AtomicFile.ownerOnly(file);
        atomic.write("{}".getBytes(StandardCharsets.UTF_8));
        Path stale = Files.writeString(home.resolve("sessions.json.8141414143.tmp"), "secret");
        Path otherStore = Files.writeString(home.resolve("hsts.json.123.tmp"), "x");
        Path notOurs = Files.writeString(home.resolve("sessions.json.notes.tmp"), "x");
        assertEquals(java.util.List.of(stale), atomic.removeStaleTemporaries());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(otherStore) && Files.exists(notOurs) && Files.exists(file));
    }

    @Test
    void aFileLargerThanAnyStoreWritesIsRefusedUnread() throws Exception {
        Path file = home.resolve("hsts.json");
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(AtomicFile.MAX_BYTES + 1); // sparse: costs neither disk nor heap
        }
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> AtomicFile.of(file).readText());
        assertTrue(e.getMessage().contains("more than the " + AtomicFile.MAX_BYTES), e.getMessage());
    }
}
