package navemu.lab.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import navemu.lab.LabConfigException;

/**
 * Reads {@code config/lab/dns-faults.conf}: which lab names the DNS service answers badly on purpose.
 * One name a line, {@code NAME FAULT [ARGUMENT]}, {@code #} comments:
 * <pre>
 * truncated.bad.lab.test   truncate
 * malformed.bad.lab.test   malformed
 * slow.bad.lab.test        slow 5s          (or 800ms)
 * servfail.bad.lab.test    servfail
 * http-error.bad.lab.test  http-status 503  (DoH only)
 * </pre>
 * The file is optional: without it the lab answers every name correctly.
 */
public final class DnsFaultsFile {

    public static final String FILE_NAME = "dns-faults.conf";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");

    private DnsFaultsFile() {
    }

    /** @return lower-case absolute names (no trailing dot) → their fault; empty when the file does not exist */
    public static Map<String, DnsFault> read(Path file, String zone) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabConfigException(file, 0, "cannot read the DNS faults file: " + LabConfigException.whyUnreadable(e), e);
        }
        Map<String, DnsFault> faults = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            int number = i + 1;
            String name = words[0].toLowerCase(Locale.ROOT);
            name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            if (!name.equals(zone) && !name.endsWith("." + zone)) {
                throw new LabConfigException(file, number, name + " is not under the lab zone " + zone);
            }
            if (words.length < 2) {
                throw new LabConfigException(file, number, "a line is 'NAME FAULT [ARGUMENT]'; faults: " + known());
            }
            DnsFault fault = fault(file, number, words);
            if (faults.put(name, fault) != null) {
                throw new LabConfigException(file, number, name + " is listed twice");
            }
        }
        return Map.copyOf(faults);
    }

    private static DnsFault fault(Path file, int number, String[] words) {
        String kind = words[1].toLowerCase(Locale.ROOT);
        int arguments = words.length - 2;
        switch (kind) {
            case "truncate", "malformed", "servfail" -> {
                if (arguments != 0) {
                    throw new LabConfigException(file, number, "'" + kind + "' takes no argument");
                }
                return new DnsFault(DnsFault.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), Duration.ZERO, 0);
            }
            case "slow" -> {
                Matcher m = arguments == 1 ? DURATION.matcher(words[2]) : null;
                if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
                    throw new LabConfigException(file, number, "'slow' needs a positive delay such as 5s or 800ms");
                }
                long amount = Long.parseLong(m.group(1));
                return new DnsFault(DnsFault.Kind.SLOW, m.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount), 0);
            }
            case "http-status" -> {
                if (arguments != 1 || !words[2].matches("[45]\\d\\d")) {
                    throw new LabConfigException(file, number, "'http-status' needs an error status 400–599, e.g. http-status 503");
                }
                return new DnsFault(DnsFault.Kind.HTTP_STATUS, Duration.ZERO, Integer.parseInt(words[2]));
            }
            default -> throw new LabConfigException(file, number, "unknown fault '" + words[1] + "'; faults: " + known());
        }
    }

    private static String known() {
        return "truncate, malformed, slow DURATION, servfail, http-status CODE";
    }
}
