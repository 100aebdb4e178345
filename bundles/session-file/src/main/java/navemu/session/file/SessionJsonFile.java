package navemu.session.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore.Entry;
import navemu.api.session.StoredSession;
import navemu.store.file.AtomicFile;
import navemu.store.file.CorruptFileException;
import navemu.store.file.StrictJson;

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
 *       "ticketAgeAdd": 305419896, "maxEarlyData": 0, "alpn": "http/1.1", "extendedMasterSecret": false,
 *       "certificate": { "chain": ["base64…", "base64…"], "stapledOcsp": null, "keyExchange": "ECDHE",
 *                        "validator": "pkix", "verdict": "…", "validatedAt": "2026-11-22T15:00:00Z" } }
 *   ]
 * }
 * </pre>
 *
 * Byte strings are standard base64 (RFC 4648 §4), instants ISO-8601, lifetimes ISO-8601
 * durations. Entries are in least-recently-used order, so loading them back rebuilds the LRU.
 * {@code certificate} (the server's chain that a resumption re-validates) is absent or null in
 * files written before sessions kept it: such an entry reads as not resumable.
 *
 * <p><b>The file holds secrets</b>: TLS 1.2 master secrets and TLS 1.3 resumption PSKs, with
 * which anyone who reads it can resume the sessions or, for TLS 1.2, decrypt recorded traffic of
 * the original connections. It is therefore always created with owner-only permissions
 * ({@code rw-------}) on file systems that have POSIX permissions, and {@link #read} tightens an
 * existing file that is open to others ({@link AtomicFile#ownerOnly}).
 *
 * <p>Reading is strict ({@link StrictJson}), so that a damaged or foreign file is reported rather
 * than half-used. Writing is atomic ({@link AtomicFile}; the temporary file is created owner-only
 * too), so a reader or a crash sees the old file or the new one, never a mixture.
 */
final class SessionJsonFile {

    static final String FORMAT = "navemu-sessions";
    static final int VERSION = 1;

    private final AtomicFile file;

    SessionJsonFile(Path path) {
        this.file = AtomicFile.ownerOnly(path);
    }

    Path path() {
        return file.path();
    }

    /**
     * The entries in the file, least recently used first; none when the file does not exist yet.
     *
     * @throws CorruptFileException when the file is not a valid session document (the message says where)
     * @throws IOException          when the file cannot be read at all
     */
    List<Entry> read() throws IOException, CorruptFileException {
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
                || version.getAsDouble() != VERSION) {
            throw new CorruptFileException("\"version\" is " + version + ", expected " + VERSION);
        }
        return StrictJson.entries(document, SessionJsonFile::entry);
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
        file.write((new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(document) + "\n").getBytes(StandardCharsets.UTF_8));
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
        json.add("certificate", toJson(session.certificate()));
        return json;
    }

    private static JsonElement toJson(SessionCertificate certificate) {
        if (certificate == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        JsonArray chain = new JsonArray();
        certificate.chain().forEach(der -> chain.add(base64(der)));
        JsonObject json = new JsonObject();
        json.add("chain", chain);
        json.addProperty("stapledOcsp", base64(certificate.stapledOcsp()));
        json.addProperty("keyExchange", certificate.keyExchange());
        json.addProperty("validator", certificate.validator());
        json.addProperty("verdict", certificate.verdict());
        json.addProperty("validatedAt", certificate.validatedAt().toString());
        return json;
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static Entry entry(JsonElement element, String where) throws CorruptFileException {
        if (!element.isJsonObject()) {
            throw new CorruptFileException(where + " is not a JSON object");
        }
        JsonObject json = element.getAsJsonObject();
        String host = string(json, "host", where);
        long port = number(json, "port", where);
        if (port < 1 || port > 65535) {
            throw new CorruptFileException(where + ": \"port\" " + port + " is not a TCP port");
        }
        String sni = optionalString(json, "sni", where);
        String version = string(json, "version", where);
        String kind = string(json, "kind", where);
        String cipherSuite = string(json, "cipherSuite", where);
        byte[] sessionId = bytes(json, "sessionId", where);
        byte[] ticket = bytes(json, "ticket", where);
        byte[] secret = bytes(json, "secret", where);
        if (secret == null) {
            throw new CorruptFileException(where + ": \"secret\" is missing: nothing to resume with");
        }
        Instant created = instant(json, "created", where);
        Duration lifetime = duration(json, "lifetime", where);
        // ticket_age_add is a uint32 (RFC 8446 §4.6.1); max_early_data_size too (§4.2.10).
        long ticketAgeAdd = number(json, "ticketAgeAdd", where);
        long maxEarlyData = number(json, "maxEarlyData", where);
        if (ticketAgeAdd < 0 || ticketAgeAdd > 0xFFFF_FFFFL) {
            throw new CorruptFileException(where + ": \"ticketAgeAdd\" " + ticketAgeAdd + " is not a uint32");
        }
        if (maxEarlyData < 0 || maxEarlyData > 0xFFFF_FFFFL) {
            throw new CorruptFileException(where + ": \"maxEarlyData\" " + maxEarlyData + " is not a uint32");
        }
        String alpn = optionalString(json, "alpn", where);
        JsonElement ems = json.get("extendedMasterSecret");
        if (ems == null || !ems.isJsonPrimitive() || !ems.getAsJsonPrimitive().isBoolean()) {
            throw new CorruptFileException(where + ": \"extendedMasterSecret\" must be true or false");
        }
        SessionCertificate certificate = certificate(json.get("certificate"), where + ": \"certificate\"");
        return new Entry(new SessionKey(host, (int) port, sni), new StoredSession(version, kind, cipherSuite,
                sessionId, ticket, secret, created, lifetime, ticketAgeAdd, maxEarlyData, alpn, ems.getAsBoolean(),
                certificate));
    }

    /** The certificate of an entry; null when absent or null (a file from before it was kept). */
    private static SessionCertificate certificate(JsonElement element, String where) throws CorruptFileException {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonObject()) {
            throw new CorruptFileException(where + " is not a JSON object");
        }
        JsonObject json = element.getAsJsonObject();
        JsonElement chainElement = json.get("chain");
        if (chainElement == null || !chainElement.isJsonArray() || chainElement.getAsJsonArray().isEmpty()) {
            throw new CorruptFileException(where + ": \"chain\" must be a non-empty array of base64 certificates");
        }
        List<byte[]> chain = new ArrayList<>();
        for (JsonElement der : chainElement.getAsJsonArray()) {
            if (!der.isJsonPrimitive() || !der.getAsJsonPrimitive().isString()) {
                throw new CorruptFileException(where + ": \"chain\" holds something that is not a base64 string");
            }
            try {
                chain.add(Base64.getDecoder().decode(der.getAsString()));
            } catch (IllegalArgumentException e) {
                throw new CorruptFileException(where + ": a \"chain\" certificate is not base64 (" + e.getMessage() + ")");
            }
        }
        return new SessionCertificate(chain, bytes(json, "stapledOcsp", where), optionalString(json, "keyExchange", where),
                string(json, "validator", where), optionalString(json, "verdict", where), instant(json, "validatedAt", where));
    }

    private static String string(JsonObject object, String key, String where) throws CorruptFileException {
        String text = optionalString(object, key, where);
        if (text == null) {
            throw new CorruptFileException(where + ": \"" + key + "\" is missing or not a string");
        }
        return text;
    }

    /** The string at {@code key}; null when it is absent or JSON null. */
    private static String optionalString(JsonObject object, String key, String where)
            throws CorruptFileException {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new CorruptFileException(where + ": \"" + key + "\" is not a string");
        }
        return value.getAsString();
    }

    private static long number(JsonObject object, String key, String where) throws CorruptFileException {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new CorruptFileException(where + ": \"" + key + "\" is missing or not a number");
        }
        JsonPrimitive number = value.getAsJsonPrimitive();
        try {
            return number.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            throw new CorruptFileException(where + ": \"" + key + "\" " + number + " is not a whole number");
        }
    }

    private static byte[] bytes(JsonObject object, String key, String where) throws CorruptFileException {
        String text = optionalString(object, key, where);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(where + ": \"" + key + "\" is not base64 (" + e.getMessage() + ")");
        }
    }

    private static Instant instant(JsonObject object, String key, String where) throws CorruptFileException {
        return StrictJson.instant(string(object, key, where), key, where);
    }

    private static Duration duration(JsonObject object, String key, String where) throws CorruptFileException {
        String text = string(object, key, where);
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptFileException(where + ": \"" + key + "\" is not an ISO-8601 duration: \"" + text + "\"");
        }
        if (duration.isNegative()) {
            throw new CorruptFileException(where + ": \"" + key + "\" " + text + " is negative");
        }
        return duration;
    }
}
