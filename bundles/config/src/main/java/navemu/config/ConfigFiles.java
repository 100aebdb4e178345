package navemu.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import navemu.api.ConfigProblem;

/**
 * Reads a directory of {@code PID.cfg} files (java.util.Properties format, one file per
 * configuration PID) — the same convention as Apache Felix FileInstall, without its machinery.
 * Each configuration also carries {@value #FILE_PROPERTY}, the file it came from, so that a
 * component can name the file when it refuses a value.
 */
final class ConfigFiles {

    /** Property added to every configuration: the absolute path of its {@code .cfg} file. */
    static final String FILE_PROPERTY = ConfigProblem.FILE_PROPERTY;

    /**
     * @param byPid    every file that could be read, by PID
     * @param problems one line for each file that could not be read (it is left out)
     */
    record Read(Map<String, Hashtable<String, Object>> byPid, List<String> problems) {
    }

    private ConfigFiles() {
    }

    /**
     * Every {@code *.cfg} file of {@code dir}, by PID. A missing directory is no configuration; a
     * file that cannot be read is a problem naming it, and the others are still read.
     *
     * @throws IOException when the directory itself cannot be listed
     */
    static Read read(Path dir) throws IOException {
        Map<String, Hashtable<String, Object>> byPid = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Read(byPid, problems);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.cfg")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String pid = name.substring(0, name.length() - ".cfg".length());
                java.util.Properties properties = new java.util.Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(file + ": cannot be read as a .cfg file (" + e + "); its component keeps its built-in defaults");
                    continue;
                }
                Hashtable<String, Object> dictionary = new Hashtable<>();
                properties.stringPropertyNames().forEach(key -> dictionary.put(key, properties.getProperty(key).trim()));
                dictionary.put(FILE_PROPERTY, file.toAbsolutePath().toString());
                byPid.put(pid, dictionary);
            }
        }
        return new Read(byPid, problems);
    }
}
