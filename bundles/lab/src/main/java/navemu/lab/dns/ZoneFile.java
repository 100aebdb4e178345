package navemu.lab.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Zone;

import navemu.lab.LabConfigException;

/**
 * Loads the lab's master-format zone file (RFC 1035 §5) with dnsjava.
 *
 * <p>The lab's servers listen on ephemeral ports, known only at start-up, so the file names
 * them by placeholders that are replaced before parsing: {@code {https-port:HOST}} and
 * {@code {http-port:HOST}} become the port of that lab site's HTTPS or plain HTTP server,
 * e.g. {@code www HTTPS 1 . alpn=http/1.1 port={https-port:www.lab.test}} (RFC 9460 §7.2).
 */
public final class ZoneFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(https|http)-port:([A-Za-z0-9.*-]+)\\}");

    private ZoneFile() {
    }

    /**
     * @param ports (host, scheme) → the port of that site, or empty when the lab has no such server
     */
    public static Zone load(Path file, Name origin, BiFunction<String, String, OptionalInt> ports) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabConfigException(file, 0, "cannot read the lab zone file: " + LabConfigException.whyUnreadable(e), e);
        }
        String substituted = substitute(file, text, ports);
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(substituted.getBytes(StandardCharsets.UTF_8)), origin)) {
            Record record;
            while ((record = master.nextRecord()) != null) {
                records.add(record);
            }
        } catch (IOException e) {
            // dnsjava's parse errors read "<none>:12: Invalid address: …" (the stream has no file name).
            Matcher where = Pattern.compile("^\\S*:(\\d+): (.*)$", Pattern.DOTALL).matcher(String.valueOf(e.getMessage()));
            if (where.matches()) {
                throw new LabConfigException(file, Integer.parseInt(where.group(1)), "not a valid zone file: " + where.group(2), e);
            }
            throw new LabConfigException(file, 0, "not a valid zone file: " + e.getMessage(), e);
        }
        try {
            return new Zone(origin, records.toArray(new Record[0]));
        } catch (IOException | RuntimeException e) {
            throw new LabConfigException(file, 0, "not a usable zone for " + origin + ": " + e.getMessage(), e);
        }
    }

    private static String substitute(Path file, String text, BiFunction<String, String, OptionalInt> ports) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf(';');
            String data = comment < 0 ? line : line.substring(0, comment);
            Matcher matcher = PLACEHOLDER.matcher(data);
            StringBuilder replaced = new StringBuilder();
            while (matcher.find()) {
                OptionalInt port = ports.apply(matcher.group(2).toLowerCase(java.util.Locale.ROOT), matcher.group(1));
                if (port.isEmpty()) {
                    throw new LabConfigException(file, i + 1, "placeholder " + matcher.group()
                            + " names no lab site with a " + matcher.group(1) + " server (see config/lab/sites.conf)");
                }
                matcher.appendReplacement(replaced, Integer.toString(port.getAsInt()));
            }
            matcher.appendTail(replaced);
            out.append(replaced);
            if (comment >= 0) {
                out.append(line, comment, line.length());
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
