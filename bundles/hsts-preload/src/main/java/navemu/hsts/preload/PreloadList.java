package navemu.hsts.preload;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import navemu.hsts.core.DynamicHstsStore;
import navemu.hsts.core.HstsHost;
import navemu.hsts.core.HstsTable;

/**
 * An HSTS preload list in the entry format of Chromium's
 * {@code net/http/transport_security_state_static.json}:
 *
 * <pre>
 * // comments, as in Chromium's file
 * { "entries": [
 *     { "name": "preload.lab.test", "policy": "test", "mode": "force-https", "include_subdomains": true }
 * ] }
 * </pre>
 *
 * As in Chromium, an entry forces HTTPS only when its {@code mode} is {@code force-https}; entries
 * that only carry {@code pins} (key pinning, which navemu does not do) are read and skipped. The
 * other keys Chromium knows ({@code include_subdomains_for_pinning}, {@code pins}, and the top-level
 * {@code pinsets}) are accepted and ignored, so Chromium's own file can be used as it is; an unknown
 * key, an unknown policy or mode, or a name that is not a domain name makes the list invalid, with
 * the entry named. Preload entries never expire ({@link Instant#MAX}).
 */
public final class PreloadList {

    /** Chromium's policies (transport_security_state_generator's input file checks the same set). */
    private static final Set<String> POLICIES = Set.of("test", "public-suffix", "google", "custom",
            "bulk-hsts", "bulk-18-weeks", "bulk-1-year", "public-suffix-requested");
    private static final Set<String> ENTRY_KEYS = Set.of("name", "policy", "mode", "include_subdomains",
            "include_subdomains_for_pinning", "pins");
    private static final String FORCE_HTTPS = "force-https";

    private final HstsTable table;
    private final int skipped;
    private final String source;

    private PreloadList(HstsTable table, int skipped, String source) {
        this.table = table;
        this.skipped = skipped;
        this.source = source;
    }

    /** Reads the list at {@code path}; its entries are dated by the file's modification time. */
    public static PreloadList read(Path path) throws InvalidPreloadListException {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return parse(text, path.toString(), Files.getLastModifiedTime(path).toInstant());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidPreloadListException("HSTS preload list " + path + " does not exist");
        } catch (IOException e) {
            throw new InvalidPreloadListException("HSTS preload list " + path + " cannot be read: " + e);
        }
    }

    /**
     * Parses a list. {@code source} names it in messages; {@code listDate} becomes the
     * {@link HstsPolicy#observed()} of its entries.
     */
    public static PreloadList parse(String text, String source, Instant listDate) throws InvalidPreloadListException {
        JsonElement root;
        try {
            // Lenient for Chromium's // comments; the structure is checked strictly below.
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.LENIENT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw fail(source, "unexpected data after the JSON document");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw fail(source, "not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isJsonObject()) {
            throw fail(source, "the document is not a JSON object");
        }
        JsonElement entries = root.getAsJsonObject().get("entries");
        if (entries == null || !entries.isJsonArray()) {
            throw fail(source, "\"entries\" is missing or not an array");
        }
        HstsTable table = new HstsTable();
        int skipped = 0;
        JsonArray array = entries.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            Optional<HstsPolicy> policy = entry(array.get(i), source, i + 1, listDate);
            if (policy.isEmpty()) {
                skipped++;
            } else if (table.put(policy.get()).isPresent()) {
                throw fail(source, "entry " + (i + 1) + ": " + policy.get().host() + " is listed twice");
            }
        }
        return new PreloadList(table, skipped, source);
    }

    /** The preload entry that applies to {@code normalisedHost}, by the same RFC 6797 §8.2 rule as dynamic ones. */
    public Optional<HstsPolicy> match(String normalisedHost) {
        return table.match(normalisedHost, Instant.MIN);
    }

    /** The entry for exactly {@code normalisedHost}, if it is on the list. */
    public Optional<HstsPolicy> get(String normalisedHost) {
        return table.get(normalisedHost, Instant.MIN);
    }

    /** Every force-https entry, sorted by host. */
    public List<HstsPolicy> entries() {
        return table.all();
    }

    /** How many entries were skipped because they do not force HTTPS (pins only). */
    public int skipped() {
        return skipped;
    }

    /** Where the list came from. */
    public String source() {
        return source;
    }

    private static Optional<HstsPolicy> entry(JsonElement element, String source, int number, Instant listDate)
            throws InvalidPreloadListException {
        String where = "entry " + number;
        if (!element.isJsonObject()) {
            throw fail(source, where + " is not a JSON object");
        }
        JsonObject entry = element.getAsJsonObject();
        for (String key : entry.keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw fail(source, where + ": unknown key \"" + key + "\" (known: " + String.join(", ",
                        ENTRY_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String name = string(entry, "name", source, where);
        String host;
        try {
            host = HstsHost.normalise(name);
        } catch (IllegalArgumentException e) {
            throw fail(source, where + ": " + e.getMessage());
        }
        where = where + " (" + name + ")";
        String policy = string(entry, "policy", source, where);
        if (!POLICIES.contains(policy)) {
            throw fail(source, where + ": unknown policy \"" + policy + "\"");
        }
        boolean includeSubDomains = bool(entry, "include_subdomains", source, where);
        JsonElement mode = entry.get("mode");
        if (mode == null) {
            return Optional.empty(); // a pins-only entry: no HSTS
        }
        String modeText = string(entry, "mode", source, where);
        if (!FORCE_HTTPS.equals(modeText)) {
            throw fail(source, where + ": unknown mode \"" + modeText + "\" (only \"" + FORCE_HTTPS + "\" exists)");
        }
        return Optional.of(new HstsPolicy(host, includeSubDomains, listDate, Instant.MAX,
                DynamicHstsStore.SOURCE_PRELOAD));
    }

    private static String string(JsonObject object, String key, String source, String where)
            throws InvalidPreloadListException {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw fail(source, where + ": \"" + key + "\" is missing or not a string");
        }
        return value.getAsString();
    }

    private static boolean bool(JsonObject object, String key, String source, String where)
            throws InvalidPreloadListException {
        JsonElement value = object.get(key);
        if (value == null) {
            return false;
        }
        if (!value.isJsonPrimitive() || !((JsonPrimitive) value).isBoolean()) {
            throw fail(source, where + ": \"" + key + "\" must be true or false");
        }
        return value.getAsBoolean();
    }

    private static InvalidPreloadListException fail(String source, String reason) {
        return new InvalidPreloadListException("HSTS preload list " + source + ": " + reason);
    }
}
