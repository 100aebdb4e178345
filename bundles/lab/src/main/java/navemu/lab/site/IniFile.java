package navemu.lab.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import navemu.lab.LabConfigException;

/**
 * A minimal INI reader for {@code config/lab/sites.conf}: {@code [section]} headers, {@code key = value}
 * lines (a key may repeat), {@code #} comments on their own line. Every entry keeps its line number
 * so that errors can name it.
 */
final class IniFile {

    record Entry(String key, String value, int line) {
    }

    record Section(String name, int line, List<Entry> entries) {
    }

    private IniFile() {
    }

    static List<Section> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabConfigException(file, 0, "cannot read the lab sites file: " + LabConfigException.whyUnreadable(e), e);
        }
        List<Section> sections = new ArrayList<>();
        List<Entry> current = null;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new LabConfigException(file, number, "a section header looks like [host.lab.test], not " + line);
                }
                current = new ArrayList<>();
                sections.add(new Section(line.substring(1, line.length() - 1).strip(), number, current));
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new LabConfigException(file, number, "expected 'key = value', got: " + line);
            }
            if (current == null) {
                throw new LabConfigException(file, number, "'" + line + "' comes before the first [section]");
            }
            current.add(new Entry(line.substring(0, equals).strip(), line.substring(equals + 1).strip(), number));
        }
        return sections;
    }
}
