package navemu.shell.render;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.trace.TraceEvent;

/**
 * A result as the one JSON line of {@code --json} and {@code export json}: first
 * {@code "schema": "navemu.result/2"}, then the public fields of {@link NavigationResult} (the
 * keys of DESIGN.md), then, when asked, the navigation's {@code trace}. Nulls are written
 * ({@code "error": null}), so every key exists in every line. docs/json.md describes every key
 * and docs/navemu-result.schema.json is the schema a test holds real lines to.
 */
public final class JsonRenderer {
    /** The format's name and version: it changes when a key changes meaning or shape. */
    public static final String SCHEMA = "navemu.result/2";

    /** Which events a line carries: none, the trace without derived secrets, or all of it. */
    public enum Trace {
        NONE, EVENTS, EVENTS_AND_SECRETS;

        public boolean shown() {
            return this != NONE;
        }
    }

    private final Gson gson = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapterFactory(new PlainJdkValues())
            .create();

    /** Where each line starts: {@code {"schema":"navemu.result/2"}}, whose brace the result's first key replaces. */
    private final String schemaObject = "{\"schema\":" + gson.toJson(SCHEMA) + "}";

    /** The last line's length: the next one's buffer starts that big, so it is not grown and copied on the way. */
    private int lastLineLength;

    public String toLine(NavigationResult result) {
        return toLine(result, List.of(), Trace.NONE);
    }

    /**
     * The line with the navigation's trace events under {@code "trace"} when {@code trace} asks for them.
     *
     * <p>Written straight from the result, not through {@link #toTree}: a script of thousands of
     * navigations prints one line each, and building a tree, copying it behind {@code schema} and
     * then walking it was most of the shell's own CPU per navigation. Gson writes the result's
     * object into the line itself, behind {@code {"schema":…}}, whose closing brace becomes the
     * comma before the result's first key (and the result's closing brace makes way for
     * {@code trace}); the keys and values are Gson's, written by the same adapters as the tree's,
     * so the line is the tree's text. One buffer, sized from the line before: no StringWriter
     * (a synchronised StringBuffer, grown by doubling) and no copy of the text into a second string.
     */
    public String toLine(NavigationResult result, List<TraceEvent> events, Trace trace) {
        StringBuilder line = new StringBuilder(lastLineLength + 256);
        line.append(schemaObject);
        int resultStart = line.length();
        gson.toJson(result, result.getClass(), line);
        // line is now {"schema":"…"}{…}: the result's compact object after the schema's.
        if (line.length() - resultStart > 2) {
            line.setCharAt(resultStart - 1, ',');
            line.deleteCharAt(resultStart);
        } else {
            line.setLength(resultStart); // an object with no keys adds nothing after schema
        }
        if (trace.shown()) {
            line.setLength(line.length() - 1);
            line.append(",\"trace\":");
            gson.toJson(traceTree(result, events, trace == Trace.EVENTS_AND_SECRETS), line);
            line.append('}');
        }
        lastLineLength = line.length();
        return line.toString();
    }

    /** The result's tree, {@code schema} first: what a line holds and what {@code expect} paths walk. */
    public JsonObject toTree(NavigationResult result) {
        JsonObject tree = new JsonObject();
        tree.addProperty("schema", SCHEMA);
        for (Map.Entry<String, JsonElement> key : gson.toJsonTree(result).getAsJsonObject().entrySet()) {
            tree.add(key.getKey(), key.getValue());
        }
        return tree;
    }

    /**
     * What {@code trace} shows, as data: every event with its time in milliseconds on the steps'
     * clock (the first step's start event is at that step's {@code startMs}), derived secrets only when asked for, and
     * then marked {@code "sensitive": true}; otherwise counted in {@code secretsHidden}.
     */
    private JsonObject traceTree(NavigationResult result, List<TraceEvent> events, boolean secrets) {
        JsonObject trace = new JsonObject();
        JsonArray lines = new JsonArray();
        int hidden = 0;
        long origin = origin(events);
        double firstStepMs = firstStepStartMs(result);
        for (TraceEvent event : events) {
            if (event.sensitive() && !secrets) {
                hidden++;
                continue;
            }
            JsonObject line = new JsonObject();
            line.addProperty("atMs", Math.round((firstStepMs + (event.atNanos() - origin) / 1e6) * 1000) / 1000.0);
            line.addProperty("kind", event.kind().name().toLowerCase(Locale.ROOT));
            line.addProperty("step", event.step());
            line.addProperty("impl", event.impl());
            line.addProperty("name", event.name());
            line.addProperty("text", event.text());
            JsonObject fields = new JsonObject();
            event.fields().forEach(fields::addProperty);
            line.add("fields", fields);
            if (event.kind() == TraceEvent.Kind.STEP_END) {
                line.addProperty("roundTrips", event.roundTrips());
            }
            if (event.sensitive()) {
                line.addProperty("sensitive", true);
            }
            lines.add(line);
        }
        trace.addProperty("secretsShown", secrets);
        trace.addProperty("secretsHidden", hidden);
        trace.add("events", lines);
        return trace;
    }

    /** When the first step started: the moment {@link #firstStepStartMs} stands for on the steps' clock. */
    private static long origin(List<TraceEvent> events) {
        for (TraceEvent event : events) {
            if (event.kind() == TraceEvent.Kind.STEP_START) {
                return event.atNanos();
            }
        }
        return events.isEmpty() ? 0 : events.get(0).atNanos();
    }

    /** The first step's start: the first hop's, when a redirect came before the last. */
    private static double firstStepStartMs(NavigationResult result) {
        List<StepResult> first = result.redirects.isEmpty() ? result.steps : result.redirects.get(0).steps;
        return first.isEmpty() ? 0 : first.get(0).startMs;
    }

    /**
     * A step's {@code detail} map may hold any value a slot put there (an address, an instant,
     * a duration). Gson cannot read the private fields of JDK classes on Java 17, and their
     * string form is what a person wants anyway.
     */
    private static final class PlainJdkValues implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (!writtenAsText(raw)) {
                return null;
            }
            return new TypeAdapter<T>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(value.toString());
                    }
                }

                @Override
                public T read(JsonReader in) {
                    throw new UnsupportedOperationException("navemu only writes results as JSON");
                }
            };
        }

        private static boolean writtenAsText(Class<?> raw) {
            String name = raw.getName();
            boolean jdk = name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.");
            return jdk && !raw.isPrimitive() && !raw.isArray() && !raw.isEnum() && raw != Object.class
                    && raw != String.class && !Number.class.isAssignableFrom(raw) && raw != Boolean.class
                    && raw != Character.class && !Collection.class.isAssignableFrom(raw)
                    && !Map.class.isAssignableFrom(raw);
        }
    }
}
