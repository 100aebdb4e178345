package navemu.session.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;

/** The file store: the same rules, kept across restarts, written atomically and owner-only, never clobbering. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileSessionStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final SessionKey WWW = new SessionKey("www.lab.test", 8443, "www.lab.test");
    private static final SessionKey RSA = new SessionKey("rsa.lab.test", 8443, null);

    @TempDir
    Path home;

    /** What a session keeps of its server's chain (two made-up DER blobs: the store does not parse them). */
    private static final SessionCertificate CERTIFICATE = new SessionCertificate(
            List.of(new byte[] {0x30, 0x03, 1, 2, 3}, new byte[] {0x30, 0x01, 9}), new byte[] {0x30, 0x00}, "ECDHE",
            "pkix", "valid for www.lab.test", T0);

    private static StoredSession tls13(String ticket, Instant created) {
        return new StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null,
                ticket.getBytes(StandardCharsets.US_ASCII), new byte[] {1, 2, 3, (byte) 0xFF}, created,
                Duration.ofHours(2), 0xFFFF_FFFFL, 16384, "http/1.1", false, CERTIFICATE);
    }

    private static StoredSession tls12(Instant created) {
        return new StoredSession("TLSv1.2", "session-id", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                new byte[32], null, new byte[48], created, Duration.ofHours(1), 0, 0, null, true, CERTIFICATE);
    }

    private static FileSessionStore open(Path path) {
        return new FileSessionStore(path, 64, CLOCK);
    }

    @Test
    void sessionsSurviveARestartFieldForField() {
        Path path = home.resolve("sessions.json");
        FileSessionStore first = open(path);
        StoredSession ticket = tls13("ticket-1", T0);
        StoredSession id = tls12(T0);
        first.put(WWW, ticket);
        first.put(RSA, id);

        FileSessionStore second = open(path);
        assertTrue(second.problem().isEmpty());
        StoredSession loaded = second.find(WWW, T0).orElseThrow();
        assertArrayEquals(ticket.ticket(), loaded.ticket());
        assertArrayEquals(ticket.secret(), loaded.secret());
        assertEquals(ticket.ticketAgeAdd(), loaded.ticketAgeAdd());
        assertEquals(ticket.maxEarlyData(), loaded.maxEarlyData());
        assertEquals(ticket.lifetime(), loaded.lifetime());
        assertEquals(ticket.created(), loaded.created());
        assertEquals(ticket.alpn(), loaded.alpn());
        StoredSession loadedId = second.find(RSA, T0).orElseThrow();
        assertArrayEquals(id.sessionId(), loadedId.sessionId());
        assertTrue(loadedId.extendedMasterSecret());
        assertEquals(null, loadedId.ticket());
        SessionCertificate certificate = loaded.certificate();
        assertEquals(2, certificate.chain().size());
        assertArrayEquals(CERTIFICATE.chain().get(0), certificate.chain().get(0));
        assertArrayEquals(CERTIFICATE.chain().get(1), certificate.chain().get(1));
        assertArrayEquals(CERTIFICATE.stapledOcsp(), certificate.stapledOcsp());
        assertEquals("ECDHE", certificate.keyExchange());
        assertEquals("pkix", certificate.validator());
        assertEquals("valid for www.lab.test", certificate.verdict());
        assertEquals(T0, certificate.validatedAt());
    }

    @Test
    void anEntryOfAnOlderFileWithoutACertificateIsNotResumedAndLeavesTheFile() throws IOException {
        Path path = home.resolve("sessions.json");
        // Written by a navemu from before sessions kept their chain: the entry has no "certificate".
        Files.writeString(path, """
                {"format": "navemu-sessions", "version": 1, "entries": [
                  {"host": "www.lab.test", "port": 8443, "sni": "www.lab.test", "version": "TLSv1.3", "kind": "psk",
                   "cipherSuite": "TLS_AES_128_GCM_SHA256", "sessionId": null, "ticket": "AQID", "secret": "AQID",
                   "created": "2026-11-22T15:00:00Z", "lifetime": "PT2H", "ticketAgeAdd": 1, "maxEarlyData": 0,
                   "alpn": "http/1.1", "extendedMasterSecret": false}]}
                """);

        FileSessionStore store = open(path);
        assertTrue(store.problem().isEmpty(), "an old file is not corrupt: " + store.problem());
        assertTrue(store.find(WWW, T0).isEmpty(), "a session without a chain to re-validate is never offered");
        store.put(RSA, tls12(T0));
        assertFalse(Files.readString(path).contains("AQID"), "the next save leaves the old entry out");
    }

    @Test
    void removingOneSessionIsSavedAndLeavesTheKeysOtherEntries() {
        Path path = home.resolve("sessions.json");
        FileSessionStore first = open(path);
        first.put(WWW, tls13("ticket", T0));
        StoredSession id = tls12(T0);
        first.put(WWW, id);
        first.remove(WWW, id);
        assertEquals(List.of("TLSv1.3"), open(path).list(T0).stream().map(e -> e.session().version()).toList());
    }

    @Test
    void aTakenTicketStaysTakenAfterARestart() {
        Path path = home.resolve("sessions.json");
        FileSessionStore first = open(path);
        first.put(WWW, tls13("once", T0));
        assertTrue(first.take(WWW, T0).isPresent());

        assertTrue(open(path).find(WWW, T0).isEmpty());
    }

    @Test
    void removeAndClearAreSavedToo() {
        Path path = home.resolve("sessions.json");
        FileSessionStore first = open(path);
        first.put(WWW, tls13("a", T0));
        first.put(RSA, tls12(T0));
        first.remove(WWW);
        assertEquals(List.of(RSA), open(path).list(T0).stream().map(e -> e.key()).toList());
        first.clear();
        assertEquals(List.of(), open(path).list(T0));
    }

    @Test
    void entriesExpiredWhileNavemuWasStoppedAreNotLoaded() {
        Path path = home.resolve("sessions.json");
        open(path).put(WWW, tls13("old", T0.minus(Duration.ofHours(3))));
        assertTrue(open(path).find(WWW, T0).isEmpty());
    }

    @Test
    void theFileIsOwnerOnlyBecauseItHoldsSecrets() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path path = home.resolve("sessions.json");
        open(path).put(WWW, tls13("a", T0));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void anExistingFileOpenToOthersIsTightenedWhenLoaded() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path path = home.resolve("sessions.json");
        open(path).put(WWW, tls13("a", T0));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        assertTrue(open(path).find(WWW, T0).isPresent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void writingLeavesNoTemporaryFileAndReplacesTheOldDocumentWhole() throws IOException {
        Path path = home.resolve("sessions.json");
        FileSessionStore store = open(path);
        for (int i = 0; i < 20; i++) {
            store.put(new SessionKey("h" + i + ".lab.test", 443, "h" + i + ".lab.test"), tls13("t" + i, T0));
            // Every save leaves a complete, valid document behind: a new reader sees all entries so far.
            assertEquals(i + 1, new FileSessionStore(path, 64, CLOCK).list(T0).size());
        }
        try (Stream<Path> files = Files.list(home)) { // the document, and the (empty) lock file that stays
            assertEquals(List.of(path, home.resolve("sessions.json.lock")), files.sorted().toList(),
                    "no temporary files left behind");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aReaderNeverSeesAHalfWrittenDocument() throws Exception {
        Path path = home.resolve("sessions.json");
        FileSessionStore store = open(path);
        store.put(WWW, tls13("first", T0));
        SessionJsonFile reader = new SessionJsonFile(path);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                store.put(new SessionKey("h" + i + ".lab.test", 443, null), tls13("ticket-" + i, T0));
            }
            writing.set(false);
        });
        writer.start();
        int reads = 0;
        while (writing.get() || reads == 0) {
            // Would throw CorruptFileException on a torn or truncated document.
            assertFalse(reader.read().isEmpty());
            reads++;
        }
        writer.join();
        assertEquals(64, reader.read().size(), "capacity 64: the newest keys are kept");
    }

    @Test
    void aFailedSaveKeepsTheSessionsInMemoryAndSaysSo() throws IOException {
        Path directory = Files.createDirectory(home.resolve("state"));
        FileSessionStore store = open(directory.resolve("sessions.json"));
        // The directory turns into a plain file, so no temporary file can be created beside the document.
        Files.delete(directory.resolve("sessions.json.lock"));
        Files.delete(directory);
        Files.writeString(directory, "x");
        store.put(WWW, tls13("a", T0));

        assertTrue(store.find(WWW, T0).isPresent(), "kept in memory");
        // Neither the lock file nor a temporary file can be made where the directory was.
        assertTrue(store.problem().orElseThrow().startsWith("not saved: "), store.problem().get());
        IllegalStateException e = assertThrows(IllegalStateException.class, store::clear);
        assertTrue(e.getMessage().contains("for this run only"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsLeftAsItIsAndTheStoreWorksInMemory() throws IOException {
        Path blocker = home.resolve("blocker");
        Files.writeString(blocker, "x");
        FileSessionStore store = open(blocker.resolve("sessions.json"));
        assertTrue(store.problem().orElseThrow().contains("cannot be read"), store.problem().get());

        store.put(WWW, tls13("a", T0));
        assertTrue(store.find(WWW, T0).isPresent());
        assertEquals("x", Files.readString(blocker));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "{ not json",
        "[]",
        "{\"format\":\"navemu-hsts\",\"version\":1,\"entries\":[]}",
        "{\"format\":\"navemu-sessions\",\"version\":2,\"entries\":[]}",
        "{\"format\":\"navemu-sessions\",\"version\":1}",
        "{\"format\":\"navemu-sessions\",\"version\":1,\"entries\":[]} trailing"
    })
    void aCorruptFileIsSetAsideWithAClearMessageAndNeverEmptied(String content) throws IOException {
        Path path = home.resolve("sessions.json");
        Files.writeString(path, content);

        FileSessionStore store = open(path);
        String problem = store.problem().orElseThrow();
        Path aside = home.resolve("sessions.json.corrupt-20261122T150000Z");
        assertTrue(problem.startsWith("session file " + path + " is corrupt ("), problem);
        assertTrue(problem.contains("moved it to " + aside), problem);
        assertEquals(content, Files.readString(aside), "the corrupt file is kept as it was");
        assertFalse(Files.exists(path));
        assertTrue(store.list(T0).isEmpty());

        store.put(WWW, tls13("fresh", T0));
        assertTrue(open(path).find(WWW, T0).isPresent(), "a new file is started beside the one set aside");
        assertEquals(content, Files.readString(aside));
    }

    @Test
    void aBadFieldIsNamedWithItsEntry() throws IOException {
        Path path = home.resolve("sessions.json");
        open(path).put(WWW, tls13("a", T0));
        Files.writeString(path, Files.readString(path).replace("\"secret\": \"", "\"secret\": \"@@"));

        String problem = open(path).problem().orElseThrow();
        assertTrue(problem.contains("entry 1: \"secret\" is not base64"), problem);
    }

    @Test
    void aBadEntryIsSkippedTheOthersLoadAndTheFileIsNotSetAside() throws IOException {
        Path path = home.resolve("sessions.json");
        FileSessionStore first = open(path);
        first.put(WWW, tls13("a", T0));
        first.put(RSA, tls12(T0));
        String text = Files.readString(path);
        Files.writeString(path, text.replaceFirst("\"secret\": \"", "\"secret\": \"@@"));

        FileSessionStore second = open(path);
        String problem = second.problem().orElseThrow();
        assertTrue(problem.contains("skipped 1 bad entry and loaded the other 1 (entry 1: \"secret\" is not base64"), problem);
        assertEquals(1, second.list(T0).size());
        assertTrue(Files.exists(path));
    }

    @Test
    void aTemporaryFileACrashLeftIsRemovedAtStartBecauseItMayHoldSecrets() throws IOException {
        Path path = home.resolve("sessions.json");
        open(path).put(WWW, tls13("a", T0));
        Path stale = Files.writeString(home.resolve("sessions.json.987654321.tmp"), "{\"secret\": \"AAEC");
        FileSessionStore restarted = open(path);
        assertFalse(Files.exists(stale));
        assertTrue(restarted.find(WWW, T0).isPresent());
    }

    @Test
    void twoStoresOnOneFileKeepEachOthersSessionsAndATicketIsTakenOnce() {
        Path path = home.resolve("sessions.json");
        FileSessionStore one = open(path);
        FileSessionStore two = open(path);
        one.put(WWW, tls13("from-one", T0));
        two.put(RSA, tls12(T0));
        assertEquals(2, open(path).list(T0).size(), "neither write lost the other's session");
        assertEquals("from-one", new String(two.take(WWW, T0).orElseThrow().ticket(), StandardCharsets.US_ASCII));
        assertTrue(one.take(WWW, T0).isEmpty(), "one still had it in memory, but two took it from the file");
    }

    @Test
    void withoutTheLockNoTicketIsTaken() throws Exception {
        Path path = home.resolve("sessions.json");
        FileSessionStore store = new FileSessionStore(path, 64, CLOCK, Duration.ofMillis(20));
        store.put(WWW, tls13("a", T0));
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (navemu.store.file.StoreFileLock lock = navemu.store.file.StoreFileLock.acquire(path, Duration.ofSeconds(5))) {
                held.countDown();
                release.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        try {
            assertTrue(held.await(5, TimeUnit.SECONDS));
            assertTrue(store.take(WWW, T0).isEmpty(), "another process may be using it");
            assertTrue(store.problem().orElseThrow().contains("was not free"), store.problem().get());
        } finally {
            release.countDown();
            other.join(5000);
        }
        assertTrue(store.take(WWW, T0).isPresent(), "still there once the lock is free");
    }

    @Test
    void aFileCorruptedWhileRunningIsSetAsideAndTheSessionsAreWrittenBack() throws IOException {
        Path path = home.resolve("sessions.json");
        FileSessionStore store = open(path);
        store.put(WWW, tls13("a", T0));
        Files.writeString(path, "garbage");
        assertTrue(store.find(WWW, T0).isPresent());
        assertTrue(store.problem().orElseThrow().contains("is corrupt"), store.problem().orElseThrow());
        assertEquals("garbage", Files.readString(home.resolve("sessions.json.corrupt-20261122T150000Z")));
        assertTrue(open(path).find(WWW, T0).isPresent(), "written back beside the file set aside");
    }

    @Test
    void aSecondCorruptFileDoesNotOverwriteTheFirstSetAside() throws IOException {
        Path path = home.resolve("sessions.json");
        Files.writeString(path, "first");
        open(path);
        Files.writeString(path, "second");
        String problem = open(path).problem().orElseThrow();

        assertTrue(problem.contains("sessions.json.corrupt-20261122T150000Z-1"), problem);
        assertEquals("first", Files.readString(home.resolve("sessions.json.corrupt-20261122T150000Z")));
        assertEquals("second", Files.readString(home.resolve("sessions.json.corrupt-20261122T150000Z-1")));
    }

    @Test
    void theConfiguredPathIsResolvedAgainstTheNavemuHome() {
        assertEquals(home.resolve("sessions.json"), SessionFilePath.resolve(null, home));
        assertEquals(home.resolve("sub/s.json"), SessionFilePath.resolve("${navemu.home}/sub/s.json", home));
        assertEquals(home.resolve("rel.json"), SessionFilePath.resolve("rel.json", home));
        assertEquals(Path.of("/abs/s.json"), SessionFilePath.resolve("/abs/s.json", home));
    }
}
