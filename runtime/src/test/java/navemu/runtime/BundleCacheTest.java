package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unpacked bundles kept between starts: made once, reused, made again when damaged, safe with
 * two processes starting at once, and an older build's copy removed only when nobody runs it.
 * Real files and real second JVMs (file locks are per process).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BundleCacheTest {

    @TempDir
    Path temp;

    /** A jar laid out like navemu.jar, with {@code bundles/NAME} entries holding the given bytes. */
    private Path navemuJar(String name, Map<String, byte[]> bundles) throws IOException {
        Path jar = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> bundle : bundles.entrySet()) {
                out.putNextEntry(new JarEntry("bundles/" + bundle.getKey()));
                out.write(bundle.getValue());
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("config/osgi/x.cfg"));
            out.write("k=v\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static List<String> listing(Path cacheRoot) throws IOException {
        try (Stream<Path> files = Files.list(cacheRoot)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theBundlesAreUnpackedOnceAndInstalledByReferenceFromThere() throws Exception {
        Path jar = navemuJar("navemu.jar", Map.of("a.jar", bytes(1000, 1), "b.jar", bytes(3000, 2)));
        Path cacheRoot = temp.resolve("cache");
        EmbeddedResources embedded = new EmbeddedResources(jar);

        Path first;
        long unpackedAt;
        try (BundleCache cache = BundleCache.open(cacheRoot, embedded)) {
            first = cache.directory();
            assertArrayEquals(bytes(3000, 2), Files.readAllBytes(cache.jar("bundles/b.jar")));
            assertEquals("reference:" + first.resolve("a.jar").toUri(), cache.location("bundles/a.jar"));
            unpackedAt = Files.getLastModifiedTime(cache.jar("bundles/a.jar")).toMillis();
        }
        try (BundleCache again = BundleCache.open(cacheRoot, embedded)) {
            assertEquals(first, again.directory());
            assertEquals(unpackedAt, Files.getLastModifiedTime(again.jar("bundles/a.jar")).toMillis(), "not written again");
        }
        assertEquals(List.of(first.getFileName().toString()), listing(cacheRoot), "no leftovers");
    }

    @Test
    void otherBundlesGetAnotherDirectoryAndTheUnusedOldOneIsRemoved() throws Exception {
        Path cacheRoot = temp.resolve("cache");
        Path old;
        try (BundleCache cache = BundleCache.open(cacheRoot, new EmbeddedResources(navemuJar("old.jar", Map.of("a.jar", bytes(1000, 1)))))) {
            old = cache.directory();
        }
        try (BundleCache cache = BundleCache.open(cacheRoot, new EmbeddedResources(navemuJar("new.jar", Map.of("a.jar", bytes(1000, 9)))))) {
            assertNotEquals(old, cache.directory(), "the key covers the content, not only names and sizes");
            assertEquals(List.of(cache.directory().getFileName().toString()), listing(cacheRoot));
        }
    }

    @Test
    void anOldBuildsDirectoryIsKeptWhileAnotherProcessUsesIt() throws Exception {
        Path cacheRoot = temp.resolve("cache");
        Path old;
        try (BundleCache cache = BundleCache.open(cacheRoot, new EmbeddedResources(navemuJar("old.jar", Map.of("a.jar", bytes(1000, 1)))))) {
            old = cache.directory();
        }
        Process holder = javaMain(InUseHolder.class, old.resolve(BundleCache.IN_USE).toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine(), "the other process holds the old directory");
            try (BundleCache cache = BundleCache.open(cacheRoot, new EmbeddedResources(navemuJar("new.jar", Map.of("a.jar", bytes(1000, 9)))))) {
                assertTrue(Files.isRegularFile(old.resolve("a.jar")), "in use by a running navemu: kept");
            }
            holder.getOutputStream().close(); // lets it exit
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        } finally {
            holder.destroyForcibly();
        }
        try (BundleCache cache = BundleCache.open(cacheRoot, new EmbeddedResources(navemuJar("new.jar", Map.of("a.jar", bytes(1000, 9)))))) {
            assertFalse(Files.exists(old), "nobody uses it any more: removed");
        }
    }

    @Test
    void aDamagedDirectoryIsUnpackedAgain() throws Exception {
        Path jar = navemuJar("navemu.jar", Map.of("a.jar", bytes(5000, 3)));
        Path cacheRoot = temp.resolve("cache");
        Path unpacked;
        try (BundleCache cache = BundleCache.open(cacheRoot, new EmbeddedResources(jar))) {
            unpacked = cache.jar("bundles/a.jar");
        }
        Files.write(unpacked, bytes(100, 3)); // cut short, as by a full disk

        try (BundleCache cache = BundleCache.open(cacheRoot, new EmbeddedResources(jar))) {
            assertArrayEquals(bytes(5000, 3), Files.readAllBytes(cache.jar("bundles/a.jar")));
        }
        assertEquals(1, listing(cacheRoot).size(), listing(cacheRoot).toString());
    }

    @Test
    void twoProcessesStartingAtOnceEndWithOneCompleteDirectory() throws Exception {
        Map<String, byte[]> bundles = Map.of("a.jar", bytes(2_000_000, 4), "b.jar", bytes(2_000_000, 5), "c.jar", bytes(2_000_000, 6));
        Path jar = navemuJar("navemu.jar", bundles);
        Path cacheRoot = temp.resolve("cache");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(javaMain(CacheOpener.class, cacheRoot.toString(), jar.toString()));
        }
        List<String> directories = new ArrayList<>();
        for (Process process : processes) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                directories.add(out.readLine());
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(directories.get(0), directories.get(1), "both use the same copy");
        assertEquals(List.of(Path.of(directories.get(0)).getFileName().toString()), listing(cacheRoot), "no half-made copy left");
        for (Map.Entry<String, byte[]> bundle : bundles.entrySet()) {
            assertArrayEquals(bundle.getValue(), Files.readAllBytes(Path.of(directories.get(0)).resolve(bundle.getKey())));
        }
    }

    /** Deterministic content of {@code length} bytes. */
    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Process javaMain(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Another navemu using a cache directory: holds its in-use lock until its standard input closes. */
    static final class InUseHolder {
        public static void main(String[] args) throws Exception {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(Path.of(args[0]),
                    java.nio.file.StandardOpenOption.READ);
                 java.nio.channels.FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }

    /** A navemu start's first step in its own JVM: opens the cache and prints the directory it got. */
    static final class CacheOpener {
        public static void main(String[] args) throws Exception {
            try (BundleCache cache = BundleCache.open(Path.of(args[0]), new EmbeddedResources(Path.of(args[1])))) {
                System.out.println(cache.directory());
            }
        }
    }

}
