package navemu.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a directory of {@code PID.cfg} files (java.util.Properties format, one file per
 * configuration PID) — the same convention as Apache Felix FileInstall, without its machinery.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * Every {@code *.cfg} file of {@code dir}, by PID. A missing directory is no configuration.
     *
     * @throws IOException naming the file that could not be read
     */
    static Map<String, Hashtable<String, Object>> read(Path dir) throws IOException {
        Map<String, Hashtable<String, Object>> byPid = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return byPid;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.cfg")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String pid = name.substring(0, name.length() - ".cfg".length());
                java.util.Properties properties = new java.util.Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException("cannot read configuration " + file + ": " + e.getMessage(), e);
                }
                Hashtable<String, Object> dictionary = new Hashtable<>();
                properties.stringPropertyNames().forEach(key -> dictionary.put(key, properties.getProperty(key).trim()));
                byPid.put(pid, dictionary);
            }
        }
        return byPid;
    }
}
