package navemu.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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

    /** Names of the embedded bundle jars, e.g. {@code bundles/navemu-api.jar}, sorted. */
    List<String> bundleEntries() throws IOException {
        return entries("bundles/").stream().filter(n -> n.endsWith(".jar")).sorted().toList();
    }

    /**
     * A URL the framework can open again later ({@code jar:file:…/navemu.jar!/bundles/x.jar}),
     * so that {@code update ID} re-reads the bundle from where it was installed.
     */
    String location(String entry) throws IOException {
        java.net.URL url = EmbeddedResources.class.getClassLoader().getResource(entry);
        if (url == null) {
            throw new IOException("navemu.jar has no entry " + entry);
        }
        return url.toExternalForm();
    }

    InputStream open(String entry) throws IOException {
        InputStream in = EmbeddedResources.class.getClassLoader().getResourceAsStream(entry);
        if (in == null) {
            throw new IOException("navemu.jar has no entry " + entry);
        }
        return in;
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
