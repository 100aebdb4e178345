package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lab CA's disk cache, seen from two starts of a whole lab world. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabWorldCacheTest {

    private final List<String> notices = new ArrayList<>();

    private LabWorld start(Path home, Path config) throws Exception {
        LabWorld lab = LabWorld.start(home, config, Clock.systemUTC(), notices::add);
        lab.awaitCertificates(Duration.ofSeconds(30));
        return lab;
    }

    private static X509Certificate servedLeaf(LabWorld lab) throws Exception {
        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), "www.lab.test", lab.port("www.lab.test"))) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void aSecondStartReusesTheCachedRootAndLeaf(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        byte[] root;
        byte[] leaf;
        try (LabWorld first = start(home, config)) {
            root = first.rootCertificate().getEncoded();
            leaf = servedLeaf(first).getEncoded();
            assertEquals(home.resolve("lab/ca"), first.caDirectory());
        }
        try (LabWorld second = start(home, config)) {
            assertArrayEquals(root, second.rootCertificate().getEncoded());
            assertArrayEquals(leaf, servedLeaf(second).getEncoded());
        }
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void aCorruptIntermediateIsReportedAndTheLabStillServesAGoodChain(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        byte[] leaf;
        try (LabWorld first = start(home, config)) {
            leaf = servedLeaf(first).getEncoded();
        }
        Path intermediate = home.resolve("lab/ca/lab-intermediate.pem");
        Files.write(intermediate, new byte[] {0x30, (byte) 0x82, 0x01});

        try (LabWorld second = start(home, config)) {
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains(intermediate.toString()) && notices.get(0).contains("unreadable"), notices.get(0));
            X509Certificate served = servedLeaf(second); // the JDK's PKIX check passes: a fresh, consistent chain
            assertFalse(Arrays.equals(leaf, served.getEncoded()), "the leaf of the old intermediate is made again");
        }
    }

    @Test
    void aColdStartNamesTheCacheFilesItMakesAndAWarmOneNone(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        try (LabWorld first = start(home, config)) {
            assertTrue(first.missingCacheFiles().contains(home.resolve("lab/ca/lab-root.pem")), first.missingCacheFiles().toString());
        }
        try (LabWorld second = start(home, config)) {
            assertEquals(List.of(), second.missingCacheFiles());
        }
    }

    @Test
    void aWarmStartReadsNoCacheFileUntilASiteIsFirstReached(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        try (LabWorld first = start(home, config)) {
            servedLeaf(first);
        }
        // A damaged file is noticed when it is read: so a notice at start would mean start read it.
        Path intermediate = home.resolve("lab/ca/lab-intermediate.pem");
        Files.write(intermediate, new byte[] {0x30, (byte) 0x82, 0x01});

        try (LabWorld second = LabWorld.start(home, config, Clock.systemUTC(), notices::add)) {
            assertEquals(List.of(), second.missingCacheFiles());
            assertTrue(notices.isEmpty(), "nothing read at start: " + notices);
            servedLeaf(second); // the first handshake opens the CA and reads www's credential
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains(intermediate.toString()), notices.get(0));
        }
    }

    @Test
    void aZoneThatForgetsASiteIsAnErrorNamingTheSite(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        Path zone = config.resolve("lab/lab.test.zone");
        Files.writeString(zone, Files.readString(zone).replace("plain IN A   127.0.0.1\n", ""));
        LabConfigException e = assertThrows(LabConfigException.class, () -> LabWorld.start(home, config));
        assertTrue(e.getMessage().contains("plain.lab.test") && e.getMessage().contains("no A record"), e.getMessage());
        try (java.util.stream.Stream<Path> written = Files.walk(home)) {
            assertEquals(List.of(home), written.toList(), "no key was made into the home for a wrong zone");
        }
    }

    @Test
    void aMissingConfigDirectoryIsAClearError(@TempDir Path home, @TempDir Path config) {
        LabConfigException e = assertThrows(LabConfigException.class, () -> LabWorld.start(home, config));
        assertTrue(e.getMessage().contains("sites.conf") && e.getMessage().contains("cannot read"), e.getMessage());
    }
}
