package navemu.hsts.preload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

/**
 * An HSTS preload list in the format of Chromium's {@code net/http/transport_security_state_static.json},
 * read the way Chromium's generator ({@code net/tools/transport_security_state_generator}) reads it:
 *
 * <pre>
 * // comments, as in Chromium's file
 * { "entries": [
 *     { "name": "preload.lab.test", "policy": "test", "mode": "force-https", "include_subdomains": true }
 * ] }
 * </pre>
 *
 * <ul>
 * <li>The text is JSON with Chromium's comment extension ({@link JsonCommentFilter}); other top-level
 *     keys (the old {@code pinsets}) are skipped.</li>
 * <li>Each entry needs a non-empty {@code name} in canonical form (lower case, A-labels, no
 *     trailing dot; the generator's {@code CheckHostnames}) and one of Chromium's {@linkplain #POLICIES
 *     policies}. A name listed twice is an error ({@code CheckDuplicateEntries}).</li>
 * <li>{@code mode} is {@code force-https} or absent; anything else is an error. As in
 *     {@code ParseJSON}, a {@code mode} or {@code include_subdomains} of the wrong JSON type reads as
 *     absent / false.</li>
 * <li>Keys that Chromium's files carry (or carried) for features navemu does not have — pins,
 *     Expect-CT, Expect-Staple and their report URIs — are accepted and ignored; any other key is
 *     an error, as in the generator.</li>
 * <li>Every entry is kept, also one without {@code mode} (pins only, or an exclusion such as
 *     {@code learn.doubleclick.net}): in Chromium's lookup the most specific listed name decides,
 *     so such an entry stops a parent's includeSubDomains ({@link #match}).</li>
 * </ul>
 * Preload entries never expire ({@link Instant#MAX}). The first problem makes the whole list
 * invalid, with the entry named, as Chromium's build fails on it: a half-read list would upgrade
 * some hosts and silently not others.
 */
public final class PreloadList {

    /** The policies of Chromium's generator ({@code kValidPolicies}); {@code bulk-hsts} is not one of them. */
    static final Set<String> POLICIES = Set.of("test", "public-suffix", "google", "custom", "bulk-legacy",
            "bulk-18-weeks", "bulk-1-year", "public-suffix-requested");
    /** Keys navemu reads. */
    private static final Set<String> USED_KEYS = Set.of("name", "policy", "mode", "include_subdomains");
    /** Keys of Chromium's files, current and past, for what navemu does not do: read past, never an error. */
    static final Set<String> IGNORED_KEYS = Set.of("pins", "include_subdomains_for_pinning",
            "expect_ct", "expect_ct_report_uri", "expect_staple", "expect_staple_report_uri",
            "include_subdomains_for_expect_staple");
    private static final String FORCE_HTTPS = "force-https";
    /** Chromium's list is about 15 MB today; a file far beyond that is not a preload list. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /**
     * One listed name as the lookup needs it. There are only four, shared by every entry, so the
     * list costs its names and a map, nothing per entry besides.
     */
    private enum Listing {
        NONE(false, false), NONE_SUBDOMAINS(false, true), HTTPS(true, false), HTTPS_SUBDOMAINS(true, true);

        final boolean forceHttps;
        final boolean includeSubDomains;

        Listing(boolean forceHttps, boolean includeSubDomains) {
            this.forceHttps = forceHttps;
            this.includeSubDomains = includeSubDomains;
        }

        static Listing of(boolean forceHttps, boolean includeSubDomains) {
            return forceHttps ? (includeSubDomains ? HTTPS_SUBDOMAINS : HTTPS)
                    : (includeSubDomains ? NONE_SUBDOMAINS : NONE);
        }
    }

    private final Map<String, Listing> listed;
    private final Instant listDate;
    private final String source;

    private PreloadList(Map<String, Listing> listed, Instant listDate, String source) {
        this.listed = listed;
        this.listDate = listDate;
        this.source = source;
    }

    /**
     * Reads the list at {@code path}; its entries are dated by the file's modification time.
     *
     * @throws InvalidPreloadListException when the file is missing, unreadable, too large or not a valid list
     */
    public static PreloadList read(Path path) throws InvalidPreloadListException {
        String source = path.toString();
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw fail(source, "the file is " + size + " bytes, more than the " + MAX_BYTES
                        + " a preload list may have; not loaded");
            }
            Instant date = Files.getLastModifiedTime(path).toInstant();
            try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
                return parse(reader, source, date);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidPreloadListException("HSTS preload list " + path + " does not exist");
        } catch (IOException e) {
            throw fail(source, "cannot be read: " + e);
        }
    }

    /**
     * Parses a list. {@code source} names it in messages; {@code listDate} becomes the
     * {@link HstsPolicy#observed()} of its entries.
     */
    public static PreloadList parse(String text, String source, Instant listDate) throws InvalidPreloadListException {
        try {
            return parse(new StringReader(text), source, listDate);
        } catch (IOException e) {
            throw fail(source, "cannot be read: " + e);
        }
    }

    private static PreloadList parse(Reader text, String source, Instant listDate)
            throws InvalidPreloadListException, IOException {
        JsonReader reader = new JsonReader(new JsonCommentFilter(text));
        reader.setStrictness(Strictness.STRICT);
        Map<String, Listing> listed = null;
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw fail(source, "the document is not a JSON object");
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String key = reader.nextName();
                if (key.equals("entries") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                    listed = entries(reader, source);
                } else {
                    reader.skipValue(); // pinsets and whatever else the file has: not navemu's business
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw fail(source, "unexpected data after the JSON document");
            }
        } catch (JsonParseException | IllegalStateException | java.io.EOFException
                 | com.google.gson.stream.MalformedJsonException e) {
            throw fail(source, "not valid JSON" + where(e));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw fail(source, "not UTF-8 text");
        }
        if (listed == null) {
            throw fail(source, "\"entries\" is missing or not an array");
        }
        return new PreloadList(listed, listDate, source);
    }

    private static Map<String, Listing> entries(JsonReader reader, String source)
            throws InvalidPreloadListException, IOException {
        Map<String, Listing> listed = new HashMap<>();
        reader.beginArray();
        int number = 0;
        while (reader.hasNext()) {
            number++;
            JsonElement element = JsonParser.parseReader(reader);
            String where = "entry " + number;
            if (!element.isJsonObject()) {
                throw fail(source, where + " is not a JSON object");
            }
            JsonObject entry = element.getAsJsonObject();
            String name = name(entry, source, where);
            where = where + " (" + name + ")";
            for (String key : entry.keySet()) {
                if (!USED_KEYS.contains(key) && !IGNORED_KEYS.contains(key)) {
                    throw fail(source, where + ": unknown key \"" + key + "\"");
                }
            }
            JsonElement policy = entry.get("policy");
            if (policy == null || !isString(policy) || !POLICIES.contains(policy.getAsString())) {
                throw fail(source, where + ": " + (policy == null ? "no \"policy\"" : "policy " + policy
                        + " is not one of Chromium's") + " (" + String.join(", ", POLICIES.stream().sorted().toList()) + ")");
            }
            JsonElement mode = entry.get("mode");
            boolean forceHttps = false;
            if (mode != null && isString(mode) && !mode.getAsString().isEmpty()) {
                if (!FORCE_HTTPS.equals(mode.getAsString())) {
                    throw fail(source, where + ": unknown mode \"" + mode.getAsString() + "\" (only \""
                            + FORCE_HTTPS + "\" exists)");
                }
                forceHttps = true;
            }
            JsonElement sub = entry.get("include_subdomains");
            boolean includeSubDomains = sub != null && sub.isJsonPrimitive()
                    && ((JsonPrimitive) sub).isBoolean() && sub.getAsBoolean();
            if (listed.putIfAbsent(name, Listing.of(forceHttps, includeSubDomains)) != null) {
                throw fail(source, where + ": listed twice");
            }
        }
        reader.endArray();
        return listed;
    }

    private static String name(JsonObject entry, String source, String where) throws InvalidPreloadListException {
        JsonElement value = entry.get("name");
        if (value == null || !isString(value) || value.getAsString().isEmpty()) {
            throw fail(source, where + ": \"name\" is missing, empty or not a string");
        }
        String name = value.getAsString();
        String canonical;
        try {
            canonical = HstsHost.normalise(name);
        } catch (IllegalArgumentException e) {
            throw fail(source, where + ": " + e.getMessage());
        }
        if (!canonical.equals(name)) {
            throw fail(source, where + ": \"" + name + "\" is not in canonical form (\"" + canonical
                    + "\"): Chromium's lookup compares canonical names");
        }
        return name;
    }

    /** Where Gson's message says the text went wrong ("at line 3 column 7 path $.entries[1]"), in one line. */
    private static String where(Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        int at = message.indexOf(" at line ");
        return at >= 0 ? message.substring(at) : ": " + message;
    }

    private static boolean isString(JsonElement element) {
        return element.isJsonPrimitive() && ((JsonPrimitive) element).isString();
    }

    /**
     * The preload entry that upgrades {@code normalisedHost}, as Chromium's {@code DecodeHSTSPreload}
     * decides: of the host and its superdomains, the most specific name on the list decides alone.
     * The host's own entry forces HTTPS when its mode does; a superdomain's when its mode does and
     * it includes subdomains. So a listed name without {@code force-https} (pins only, or an
     * exclusion) keeps a parent's includeSubDomains off itself and the names under it.
     */
    public Optional<HstsPolicy> match(String normalisedHost) {
        List<String> candidates = HstsHost.selfAndSuperdomains(normalisedHost);
        for (int i = 0; i < candidates.size(); i++) {
            Listing listing = listed.get(candidates.get(i));
            if (listing == null) {
                continue;
            }
            boolean applies = listing.forceHttps && (i == 0 || listing.includeSubDomains);
            return applies ? Optional.of(policy(candidates.get(i), listing)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The force-https entry for exactly {@code normalisedHost}, if it is on the list. */
    public Optional<HstsPolicy> get(String normalisedHost) {
        Listing listing = listed.get(normalisedHost);
        return listing == null || !listing.forceHttps ? Optional.empty() : Optional.of(policy(normalisedHost, listing));
    }

    /** Every force-https entry, sorted by host. */
    public List<HstsPolicy> entries() {
        List<HstsPolicy> entries = new ArrayList<>();
        listed.forEach((host, listing) -> {
            if (listing.forceHttps) {
                entries.add(policy(host, listing));
            }
        });
        entries.sort(Comparator.comparing(HstsPolicy::host));
        return entries;
    }

    /** How many names are listed, with or without force-https. */
    public int size() {
        return listed.size();
    }

    /** How many listed names do not force HTTPS (pins only, exclusions). */
    public int skipped() {
        return (int) listed.values().stream().filter(listing -> !listing.forceHttps).count();
    }

    /** Where the list came from. */
    public String source() {
        return source;
    }

    private HstsPolicy policy(String host, Listing listing) {
        return new HstsPolicy(host, listing.includeSubDomains, listDate, Instant.MAX, DynamicHstsStore.SOURCE_PRELOAD);
    }

    private static InvalidPreloadListException fail(String source, String reason) {
        return new InvalidPreloadListException("HSTS preload list " + source + ": " + reason);
    }
}
