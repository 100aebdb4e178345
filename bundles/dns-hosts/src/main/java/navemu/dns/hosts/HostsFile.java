package navemu.dns.hosts;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import navemu.api.dns.AddressLiteral;

/**
 * A hosts file as hosts(5) describes it: one address per line, then its canonical name and any
 * aliases, {@code #} to the end of the line is a comment. A name may appear on several lines (an
 * IPv4 and an IPv6 line, say); its addresses keep the file's order.
 *
 * @param path     the file
 * @param names    each name (lower case) with its addresses and the lines they came from
 * @param problems lines that were ignored, each with its number and why; or why the file is unusable
 * @param readable false when the file could not be read at all
 */
record HostsFile(Path path, Map<String, List<Entry>> names, List<String> problems, boolean readable) {

    /** One address for a name, and where it was written. */
    record Entry(InetAddress address, int line) {
    }

    /** Far more than any real hosts file; a larger one is refused rather than held in memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    static HostsFile read(Path path) {
        List<String> lines;
        try {
            if (Files.size(path) > MAX_BYTES) {
                return new HostsFile(path, Map.of(), List.of("the hosts file " + path + " is over "
                        + MAX_BYTES / (1024 * 1024) + " MiB: not read"), false);
            }
            byte[] bytes = Files.readAllBytes(path);
            // A NUL byte never occurs in a text file: this is a binary file put where the hosts file goes.
            for (byte b : bytes) {
                if (b == 0) {
                    return new HostsFile(path, Map.of(), List.of("the hosts file " + path
                            + " is not a text file (it holds NUL bytes)"), false);
                }
            }
            lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().lines().toList();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new HostsFile(path, Map.of(), List.of("the hosts file " + path + " is not UTF-8 text"), false);
        } catch (NoSuchFileException e) {
            return new HostsFile(path, Map.of(), List.of("the hosts file " + path + " does not exist"), false);
        } catch (IOException | RuntimeException e) {
            return new HostsFile(path, Map.of(), List.of("the hosts file " + path + " cannot be read: "
                    + e.getMessage()), false);
        }
        Map<String, List<Entry>> names = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] words = content.split("\\s+");
            Optional<InetAddress> address = AddressLiteral.parse(words[0]);
            if (address.isEmpty()) {
                problems.add("line " + (i + 1) + ": '" + words[0] + "' is not an IP address; line ignored");
                continue;
            }
            if (words.length < 2) {
                problems.add("line " + (i + 1) + ": an address with no name; line ignored");
                continue;
            }
            for (int w = 1; w < words.length; w++) {
                String name = normalize(words[w]);
                names.computeIfAbsent(name, n -> new ArrayList<>()).add(new Entry(address.get(), i + 1));
            }
        }
        Map<String, List<Entry>> frozen = new LinkedHashMap<>();
        names.forEach((name, entries) -> frozen.put(name, List.copyOf(entries)));
        return new HostsFile(path, frozen, problems, true);
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
    }
}
