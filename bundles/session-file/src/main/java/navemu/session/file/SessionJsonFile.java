package navemu.session.file;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore.Entry;
import navemu.api.session.StoredSession;

/**
 * The on-disk form of the session store: one JSON document,
 *
 * <pre>
 * {
 *   "format": "navemu-sessions",
 *   "version": 1,
 *   "entries": [
 *     { "host": "www.lab.test", "port": 8443, "sni": "www.lab.test",
 *       "version": "TLSv1.3", "kind": "psk", "cipherSuite": "TLS_AES_128_GCM_SHA256",
 *       "sessionId": null, "ticket": "base64…", "secret": "base64…",
 *       "created": "2026-11-22T15:00:00Z", "lifetime": "PT2H",
 *       "ticketAgeAdd": 305419896, "maxEarlyData": 0, "alpn": "http/1.1", "extendedMasterSecret": false }
 *   ]
 * }
 * </pre>
 *
 * Byte strings are standard base64 (RFC 4648 §4), instants ISO-8601, lifetimes ISO-8601
 * durations. Entries are in least-recently-used order, so loading them back rebuilds the LRU.
 *
 * <p><b>The file holds secrets</b>: TLS 1.2 master secrets and TLS 1.3 resumption PSKs, with
 * which anyone who reads it can resume the sessions or, for TLS 1.2, decrypt recorded traffic of
 * the original connections. It is therefore always created with owner-only permissions
 * ({@code rw-------}) on file systems that have POSIX permissions, and {@link #read} tightens an
 * existing file that is open to others.
 *
 * <p>Reading is strict, so that a damaged or foreign file is reported rather than half-used.
 * Writing is atomic: the document goes to a temporary file in the same directory (created
 * owner-only), is forced to disk, and is renamed over the old one with
 * {@link StandardCopyOption#ATOMIC_MOVE}, so a reader or a crash sees the old file or the new one,
 * never a mixture.
 */
final class SessionJsonFile {

    static final String FORMAT = "navemu-sessions";
    static final int VERSION = 1;
    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path path;

    SessionJsonFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * The entries in the file, least recently used first; none when the file does not exist yet.
     *
     * @throws CorruptSessionFileException when the file is not a valid session document (the message says where)
     * @throws IOException                 when the file cannot be read at all
     */
    List<Entry> read() throws IOException, CorruptSessionFileException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return List.of();
        } catch (MalformedInputException notUtf8) {
            throw new CorruptSessionFileException("not UTF-8 text");
        }
        tightenPermissions();
        if (text.isBlank()) {
            throw new CorruptSessionFileException("the file is empty");
        }
        JsonElement root = parseStrictly(text);
        if (!root.isJsonObject()) {
            throw new CorruptSessionFileException("the document is not a JSON object");
        }
        JsonObject document = root.getAsJsonObject();
        String format = string(document, "format", "the document");
        if (!FORMAT.equals(format)) {
            throw new CorruptSessionFileException("\"format\" is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        JsonElement version = document.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsDouble() != VERSION) {
            throw new CorruptSessionFileException("\"version\" is " + version + ", expected " + VERSION);
        }
        JsonElement entries = document.get("entries");
        if (entries == null || !entries.isJsonArray()) {
            throw new CorruptSessionFileException("\"entries\" is missing or not an array");
        }
        List<Entry> result = new ArrayList<>();
        JsonArray array = entries.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            result.add(entry(array.get(i), "entry " + (i + 1)));
        }
        return result;
    }

    /**
     * Replaces the file with {@code entries}, atomically and owner-only, creating the directory if needed.
     *
     * @throws IOException when the directory or the file cannot be written; the old file is then intact
     */
    void write(List<Entry> entries) throws IOException {
        JsonArray array = new JsonArray();
        for (Entry entry : entries) {
            array.add(toJson(entry));
        }
        JsonObject document = new JsonObject();
        document.addProperty("format", FORMAT);
        document.addProperty("version", VERSION);
        document.add("entries", array);
        byte[] bytes = (new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(document) + "\n").getBytes(StandardCharsets.UTF_8);

        Path directory = path.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = posix()
                ? Files.createTempFile(directory, path.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, path.getFileName() + ".", ".tmp");
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

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** A file of secrets that others can read is made owner-only at once, not at the next save. */
    private void tightenPermissions() throws IOException {
        if (posix() && !Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }

    private static JsonObject toJson(Entry entry) {
        SessionKey key = entry.key();
        StoredSession session = entry.session();
        JsonObject json = new JsonObject();
        json.addProperty("host", key.host());
        json.addProperty("port", key.port());
        json.addProperty("sni", key.sni());
        json.addProperty("version", session.version());
        json.addProperty("kind", session.kind());
        json.addProperty("cipherSuite", session.cipherSuite());
        json.addProperty("sessionId", base64(session.sessionId()));
        json.addProperty("ticket", base64(session.ticket()));
        json.addProperty("secret", base64(session.secret()));
        json.addProperty("created", session.created().toString());
        json.addProperty("lifetime", session.lifetime().toString());
        json.addProperty("ticketAgeAdd", session.ticketAgeAdd());
        json.addProperty("maxEarlyData", session.maxEarlyData());
        json.addProperty("alpn", session.alpn());
        json.addProperty("extendedMasterSecret", session.extendedMasterSecret());
        return json;
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static JsonElement parseStrictly(String text) throws CorruptSessionFileException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new CorruptSessionFileException("unexpected data after the JSON document");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new CorruptSessionFileException("not valid JSON: " + e.getMessage());
        }
    }

    private static Entry entry(JsonElement element, String where) throws CorruptSessionFileException {
        if (!element.isJsonObject()) {
            throw new CorruptSessionFileException(where + " is not a JSON object");
        }
        JsonObject json = element.getAsJsonObject();
        String host = string(json, "host", where);
        long port = number(json, "port", where);
        if (port < 1 || port > 65535) {
            throw new CorruptSessionFileException(where + ": \"port\" " + port + " is not a TCP port");
        }
        String sni = optionalString(json, "sni", where);
        String version = string(json, "version", where);
        String kind = string(json, "kind", where);
        String cipherSuite = string(json, "cipherSuite", where);
        byte[] sessionId = bytes(json, "sessionId", where);
        byte[] ticket = bytes(json, "ticket", where);
        byte[] secret = bytes(json, "secret", where);
        if (secret == null) {
            throw new CorruptSessionFileException(where + ": \"secret\" is missing: nothing to resume with");
        }
        Instant created = instant(json, "created", where);
        Duration lifetime = duration(json, "lifetime", where);
        // ticket_age_add is a uint32 (RFC 8446 §4.6.1); max_early_data_size too (§4.2.10).
        long ticketAgeAdd = number(json, "ticketAgeAdd", where);
        long maxEarlyData = number(json, "maxEarlyData", where);
        if (ticketAgeAdd < 0 || ticketAgeAdd > 0xFFFF_FFFFL) {
            throw new CorruptSessionFileException(where + ": \"ticketAgeAdd\" " + ticketAgeAdd + " is not a uint32");
        }
        if (maxEarlyData < 0 || maxEarlyData > 0xFFFF_FFFFL) {
            throw new CorruptSessionFileException(where + ": \"maxEarlyData\" " + maxEarlyData + " is not a uint32");
        }
        String alpn = optionalString(json, "alpn", where);
        JsonElement ems = json.get("extendedMasterSecret");
        if (ems == null || !ems.isJsonPrimitive() || !ems.getAsJsonPrimitive().isBoolean()) {
            throw new CorruptSessionFileException(where + ": \"extendedMasterSecret\" must be true or false");
        }
        return new Entry(new SessionKey(host, (int) port, sni), new StoredSession(version, kind, cipherSuite,
                sessionId, ticket, secret, created, lifetime, ticketAgeAdd, maxEarlyData, alpn, ems.getAsBoolean()));
    }

    private static String string(JsonObject object, String key, String where) throws CorruptSessionFileException {
        String text = optionalString(object, key, where);
        if (text == null) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" is missing or not a string");
        }
        return text;
    }

    /** The string at {@code key}; null when it is absent or JSON null. */
    private static String optionalString(JsonObject object, String key, String where)
            throws CorruptSessionFileException {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" is not a string");
        }
        return value.getAsString();
    }

    private static long number(JsonObject object, String key, String where) throws CorruptSessionFileException {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" is missing or not a number");
        }
        JsonPrimitive number = value.getAsJsonPrimitive();
        try {
            return number.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" " + number + " is not a whole number");
        }
    }

    private static byte[] bytes(JsonObject object, String key, String where) throws CorruptSessionFileException {
        String text = optionalString(object, key, where);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" is not base64 (" + e.getMessage() + ")");
        }
    }

    private static Instant instant(JsonObject object, String key, String where) throws CorruptSessionFileException {
        String text = string(object, key, where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" is not an ISO-8601 instant: \"" + text + "\"");
        }
    }

    private static Duration duration(JsonObject object, String key, String where) throws CorruptSessionFileException {
        String text = string(object, key, where);
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" is not an ISO-8601 duration: \"" + text + "\"");
        }
        if (duration.isNegative()) {
            throw new CorruptSessionFileException(where + ": \"" + key + "\" " + text + " is negative");
        }
        return duration;
    }
}
