package navemu.hsts.file;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import navemu.api.hsts.HstsPolicy;
import navemu.hsts.core.HstsHost;

/**
 * The on-disk form of the Known HSTS Hosts: one JSON document,
 *
 * <pre>
 * {
 *   "format": "navemu-hsts",
 *   "version": 1,
 *   "entries": [
 *     { "host": "hsts.lab.test", "includeSubDomains": true,
 *       "observed": "2026-11-22T15:00:00Z", "expires": "2027-11-22T15:00:00Z", "source": "dynamic" }
 *   ]
 * }
 * </pre>
 *
 * Reading is strict, so that a damaged or foreign file is reported rather than half-used. Writing
 * is atomic: the document goes to a temporary file in the same directory, is forced to disk, and
 * is renamed over the old one ({@link StandardCopyOption#ATOMIC_MOVE}), so a reader (or a crash)
 * sees the old file or the new one, never a mixture.
 */
public final class HstsJsonFile {

    static final String FORMAT = "navemu-hsts";
    static final int VERSION = 1;

    private final Path path;

    public HstsJsonFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /**
     * The entries in the file; none when the file does not exist yet.
     *
     * @throws CorruptHstsFileException when the file is not a valid HSTS document (the message says where)
     * @throws IOException              when the file cannot be read at all
     */
    public List<HstsPolicy> read() throws IOException, CorruptHstsFileException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return List.of();
        } catch (java.nio.charset.MalformedInputException notUtf8) {
            throw new CorruptHstsFileException("not UTF-8 text");
        }
        if (text.isBlank()) {
            throw new CorruptHstsFileException("the file is empty");
        }
        JsonElement root = parseStrictly(text);
        if (!root.isJsonObject()) {
            throw new CorruptHstsFileException("the document is not a JSON object");
        }
        JsonObject document = root.getAsJsonObject();
        String format = string(document, "format", "the document");
        if (!FORMAT.equals(format)) {
            throw new CorruptHstsFileException("\"format\" is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        JsonElement version = document.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() != VERSION) {
            throw new CorruptHstsFileException("\"version\" is " + version + ", expected " + VERSION);
        }
        JsonElement entries = document.get("entries");
        if (entries == null || !entries.isJsonArray()) {
            throw new CorruptHstsFileException("\"entries\" is missing or not an array");
        }
        List<HstsPolicy> policies = new ArrayList<>();
        JsonArray array = entries.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            policies.add(entry(array.get(i), "entry " + (i + 1)));
        }
        return policies;
    }

    /**
     * Replaces the file with {@code policies}, atomically, creating the directory if needed.
     *
     * @throws IOException when the directory or the file cannot be written; the old file is then intact
     */
    public void write(List<HstsPolicy> policies) throws IOException {
        JsonArray entries = new JsonArray();
        for (HstsPolicy policy : policies) {
            JsonObject entry = new JsonObject();
            entry.addProperty("host", policy.host());
            entry.addProperty("includeSubDomains", policy.includeSubDomains());
            entry.addProperty("observed", policy.observed().toString());
            entry.addProperty("expires", policy.expires().toString());
            entry.addProperty("source", policy.source());
            entries.add(entry);
        }
        JsonObject document = new JsonObject();
        document.addProperty("format", FORMAT);
        document.addProperty("version", VERSION);
        document.add("entries", entries);
        byte[] bytes = (new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document) + "\n")
                .getBytes(StandardCharsets.UTF_8);

        Path directory = path.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, path.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // on disk before the rename makes it the file
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static JsonElement parseStrictly(String text) throws CorruptHstsFileException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new CorruptHstsFileException("unexpected data after the JSON document");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new CorruptHstsFileException("not valid JSON: " + e.getMessage());
        }
    }

    private static HstsPolicy entry(JsonElement element, String where) throws CorruptHstsFileException {
        if (!element.isJsonObject()) {
            throw new CorruptHstsFileException(where + " is not a JSON object");
        }
        JsonObject entry = element.getAsJsonObject();
        String host = string(entry, "host", where);
        String normalised;
        try {
            normalised = HstsHost.normalise(host);
        } catch (IllegalArgumentException e) {
            throw new CorruptHstsFileException(where + ": " + e.getMessage());
        }
        if (!normalised.equals(host)) {
            throw new CorruptHstsFileException(where + ": host \"" + host + "\" is not in normal form (\""
                    + normalised + "\")");
        }
        JsonElement sub = entry.get("includeSubDomains");
        if (sub == null || !sub.isJsonPrimitive() || !sub.getAsJsonPrimitive().isBoolean()) {
            throw new CorruptHstsFileException(where + ": \"includeSubDomains\" must be true or false");
        }
        Instant observed = instant(entry, "observed", where);
        Instant expires = instant(entry, "expires", where);
        String source = string(entry, "source", where);
        return new HstsPolicy(host, sub.getAsBoolean(), observed, expires, source);
    }

    private static String string(JsonObject object, String key, String where) throws CorruptHstsFileException {
        JsonElement value = object.get(key);
        Optional<String> text = Optional.ofNullable(value)
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsJsonPrimitive)
                .filter(JsonPrimitive::isString).map(JsonPrimitive::getAsString);
        if (text.isEmpty()) {
            throw new CorruptHstsFileException(where + ": \"" + key + "\" is missing or not a string");
        }
        return text.get();
    }

    private static Instant instant(JsonObject object, String key, String where) throws CorruptHstsFileException {
        String text = string(object, key, where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptHstsFileException(where + ": \"" + key + "\" is not an ISO-8601 instant: \"" + text + "\"");
        }
    }
}
