package navemu.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The bundles and the default configuration that travel inside navemu.jar (or, when run from
 * the build tree, in {@code target/classes}).
 */
final class EmbeddedResources {
    private final Path codeSource;

    EmbeddedResources() throws IOException {
        try {
            codeSource = Path.of(EmbeddedResources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate navemu's own jar: " + e.getMessage(), e);
        }
    }

    /** The resources of another jar or directory laid out like navemu.jar (tests). */
    EmbeddedResources(Path codeSource) {
        this.codeSource = codeSource;
    }

    /**
     * One embedded file as navemu.jar's directory lists it.
     *
     * @param name e.g. {@code bundles/navemu-api.jar}
     * @param size its length in bytes
     * @param crc  its CRC-32, which the jar's directory carries (computed when run from a directory)
     */
    record Entry(String name, long size, long crc) {
    }

    /** The embedded bundle jars ({@code bundles/*.jar}), sorted by name. */
    List<Entry> bundles() throws IOException {
        if (Files.isDirectory(codeSource)) {
            List<Entry> found = new ArrayList<>();
            for (String name : entries("bundles/")) {
                if (name.endsWith(".jar")) {
                    Path file = codeSource.resolve(name);
                    found.add(new Entry(name, Files.size(file), crc(file)));
                }
            }
            return found.stream().sorted(Comparator.comparing(Entry::name)).toList();
        }
        List<Entry> found = new ArrayList<>();
        try (JarFile jar = new JarFile(codeSource.toFile())) {
            Enumeration<JarEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                JarEntry entry = all.nextElement();
                if (entry.getName().startsWith("bundles/") && entry.getName().endsWith(".jar")) {
                    found.add(new Entry(entry.getName(), entry.getSize(), entry.getCrc()));
                }
            }
        }
        return found.stream().sorted(Comparator.comparing(Entry::name)).toList();
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    InputStream open(String entry) throws IOException {
        if (Files.isDirectory(codeSource)) {
            return Files.newInputStream(codeSource.resolve(entry));
        }
        JarFile jar = new JarFile(codeSource.toFile());
        JarEntry found = jar.getJarEntry(entry);
        if (found == null) {
            jar.close();
            throw new IOException(codeSource + " has no entry " + entry);
        }
        // The stream closes the jar with it.
        return new java.io.FilterInputStream(jar.getInputStream(found)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    jar.close();
                }
            }
        };
    }

    /** Copies every embedded {@code config/…} file under {@code target}. */
    void extractConfig(Path target) throws IOException {
        for (String entry : entries("config/")) {
            if (entry.endsWith("/")) {
                continue;
            }
            Path file = target.resolve(entry.substring("config/".length())).normalize();
            if (!file.startsWith(target)) {
                throw new IOException("refusing embedded config entry outside its directory: " + entry);
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = open(entry)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private List<String> entries(String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(codeSource)) {
            Path dir = codeSource.resolve(prefix);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> names.add(codeSource.relativize(f).toString().replace('\\', '/')));
                }
            }
            return names;
        }
        try (JarFile jar = new JarFile(codeSource.toFile())) {
            Enumeration<JarEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                String name = all.nextElement().getName();
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
