package navemu.navigator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import navemu.api.ConfigProblem;
import navemu.api.Slot;

/**
 * Checks the {@code navemu.composition} configuration ({@code config/osgi/navemu.composition.cfg}):
 * every key must be a slot. A misspelt slot ({@code tsl = browser}) would otherwise be ignored in
 * silence and the run would use another implementation than the one its author wrote.
 */
final class CompositionSettings {

    /** Set by the config bundle on every configuration it loads: the file it came from. */
    static final String FILE_PROPERTY = ConfigProblem.FILE_PROPERTY;

    private CompositionSettings() {
    }

    /** One line per key that is not a slot, naming the file and line when they are known. */
    static List<String> problems(Map<String, Object> properties) {
        Object file = properties.get(FILE_PROPERTY);
        List<String> problems = new ArrayList<>();
        for (String key : properties.keySet().stream().sorted().toList()) {
            if (isFrameworkKey(key) || Stream.of(Slot.values()).anyMatch(slot -> slot.key().equals(key))) {
                continue;
            }
            String where = file == null ? "navemu.composition" : file + lineOf(Path.of(file.toString()), key);
            problems.add(where + ": '" + key + "' is not a slot (the slots are "
                    + Stream.of(Slot.values()).map(Slot::key).collect(Collectors.joining(", ")) + ")");
        }
        return problems;
    }

    /** Keys that ConfigAdmin, Declarative Services and the config bundle add themselves. */
    private static boolean isFrameworkKey(String key) {
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                || key.startsWith("osgi.") || key.equals(FILE_PROPERTY);
    }

    /** {@code :N} for the first line that sets {@code key}, or nothing when it cannot be found. */
    private static String lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith(key) && line.substring(key.length()).strip().matches("^[=:].*")) {
                    return ":" + (i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the message still names the file
        }
        return "";
    }
}
