package navemu.hsts.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import navemu.api.hsts.HstsPolicy;
import navemu.hsts.core.HstsHost;
import navemu.store.file.AtomicFile;
import navemu.store.file.CorruptFileException;
import navemu.store.file.StrictJson;

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
 * Reading is strict ({@link StrictJson}), so that a damaged or foreign file is reported rather
 * than half-used. Writing is atomic ({@link AtomicFile}): a reader, or a crash, sees the old file
 * or the new one, never a mixture.
 */
public final class HstsJsonFile {

    static final String FORMAT = "navemu-hsts";
    static final int VERSION = 1;

    private final AtomicFile file;

    public HstsJsonFile(Path path) {
        this.file = AtomicFile.of(path);
    }

    public Path path() {
        return file.path();
    }

    /** The file as {@link AtomicFile} sees it (for its start-up housekeeping). */
    public AtomicFile atomicFile() {
        return file;
    }

    /**
     * The entries in the file; none when the file does not exist yet.
     *
     * @throws CorruptFileException when the file is not a valid HSTS document (the message says where)
     * @throws IOException          when the file cannot be read at all
     */
    public List<HstsPolicy> read() throws IOException, CorruptFileException {
        Optional<String> text = file.readText();
        if (text.isEmpty()) {
            return List.of();
        }
        JsonObject document = StrictJson.object(text.get());
        String format = string(document, "format", "the document");
        if (!FORMAT.equals(format)) {
            throw new CorruptFileException("\"format\" is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        JsonElement version = document.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() != VERSION) {
            throw new CorruptFileException("\"version\" is " + version + ", expected " + VERSION);
        }
        return StrictJson.entries(document, HstsJsonFile::entry);
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
        file.write((new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HstsPolicy entry(JsonElement element, String where) throws CorruptFileException {
        if (!element.isJsonObject()) {
            throw new CorruptFileException(where + " is not a JSON object");
        }
        JsonObject entry = element.getAsJsonObject();
        String host = string(entry, "host", where);
        String normalised;
        try {
            normalised = HstsHost.normalise(host);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(where + ": " + e.getMessage());
        }
        if (!normalised.equals(host)) {
            throw new CorruptFileException(where + ": host \"" + host + "\" is not in normal form (\""
                    + normalised + "\")");
        }
        JsonElement sub = entry.get("includeSubDomains");
        if (sub == null || !sub.isJsonPrimitive() || !sub.getAsJsonPrimitive().isBoolean()) {
            throw new CorruptFileException(where + ": \"includeSubDomains\" must be true or false");
        }
        Instant observed = instant(entry, "observed", where);
        Instant expires = instant(entry, "expires", where);
        String source = string(entry, "source", where);
        return new HstsPolicy(host, sub.getAsBoolean(), observed, expires, source);
    }

    private static String string(JsonObject object, String key, String where) throws CorruptFileException {
        JsonElement value = object.get(key);
        Optional<String> text = Optional.ofNullable(value)
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsJsonPrimitive)
                .filter(JsonPrimitive::isString).map(JsonPrimitive::getAsString);
        if (text.isEmpty()) {
            throw new CorruptFileException(where + ": \"" + key + "\" is missing or not a string");
        }
        return text.get();
    }

    private static Instant instant(JsonObject object, String key, String where) throws CorruptFileException {
        return StrictJson.instant(string(object, key, where), key, where);
    }
}
