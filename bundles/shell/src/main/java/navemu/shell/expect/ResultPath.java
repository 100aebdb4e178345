package navemu.shell.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Walks a dotted path ({@code tls.version}, {@code steps.0.impl}) through a result's JSON tree.
 *
 * <p>Besides plain keys and array indexes it understands three conveniences: on an array of
 * steps, a step name picks that step ({@code steps.tls.rtts}); {@code length} on an array is
 * its size ({@code redirects.length}); on an array of header fields ({@code {name, value}}
 * objects: {@code http.headers}, {@code http.requestHeaders}) a field name picks that field,
 * in any case ({@code http.headers.content-type}): its values joined as RFC 9110 §5.3 combines
 * them (", ", and a line break between Set-Cookie values, which must not be combined), or with
 * an index one value alone ({@code http.headers.set-cookie.1}), or with {@code length} how many
 * there are. Object keys fall back to a case-insensitive match too.
 */
final class ResultPath {

    private ResultPath() {
    }

    /**
     * The element at {@code path}; empty when some part of the path is absent. A JSON null on
     * the way counts as absent too.
     */
    static Optional<JsonElement> resolve(JsonElement root, String path) {
        String[] segments = path.split("\\.", -1);
        Walk walk = walk(root, segments);
        return walk.consumed == segments.length ? Optional.ofNullable(walk.element) : Optional.empty();
    }

    /** The longest prefix of {@code path} that exists, to say where the path broke off. */
    static String existingPrefix(JsonElement root, String path) {
        String[] segments = path.split("\\.", -1);
        return String.join(".", List.of(segments).subList(0, walk(root, segments).consumed));
    }

    /** How far a path got: the element reached and how many segments led there. */
    private record Walk(JsonElement element, int consumed) {
    }

    private static Walk walk(JsonElement root, String[] segments) {
        JsonElement current = root;
        int i = 0;
        while (i < segments.length) {
            if (current == null || current.isJsonNull()) {
                break;
            }
            List<String> values = fieldValues(current, segments[i]);
            if (values != null) {
                if (values.isEmpty()) {
                    break;
                }
                boolean pick = i + 1 < segments.length;
                JsonElement next = pick ? pickValue(values, segments[i + 1]) : joined(segments[i], values);
                if (next == null) {
                    return new Walk(current, i + 1);
                }
                current = next;
                i += pick ? 2 : 1;
                continue;
            }
            JsonElement next = step(current, segments[i]);
            if (next == null || next.isJsonNull()) {
                break;
            }
            current = next;
            i++;
        }
        return new Walk(current, i);
    }

    /** The values of field {@code name} when {@code element} is an array of header fields and name is not an index; else null. */
    private static List<String> fieldValues(JsonElement element, String name) {
        if (!element.isJsonArray() || name.matches("\\d+") || name.equals("length") || !isFieldList(element.getAsJsonArray())) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonElement field : element.getAsJsonArray()) {
            JsonObject object = field.getAsJsonObject();
            if (object.get("name").getAsString().equalsIgnoreCase(name)) {
                values.add(object.get("value").getAsString());
            }
        }
        return values;
    }

    private static boolean isFieldList(JsonArray array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonElement element : array) {
            if (!element.isJsonObject() || !element.getAsJsonObject().has("name") || !element.getAsJsonObject().has("value")
                    || element.getAsJsonObject().has("step")) {
                return false;
            }
        }
        return true;
    }

    private static JsonElement joined(String name, List<String> values) {
        return new JsonPrimitive(String.join(name.equalsIgnoreCase("Set-Cookie") ? "\n" : ", ", values));
    }

    private static JsonElement pickValue(List<String> values, String segment) {
        if (segment.equals("length")) {
            return new JsonPrimitive(values.size());
        }
        if (segment.matches("\\d+")) {
            int index = Integer.parseInt(segment);
            return index < values.size() ? new JsonPrimitive(values.get(index)) : null;
        }
        return null;
    }

    private static JsonElement step(JsonElement current, String segment) {
        if (current.isJsonObject()) {
            JsonObject object = current.getAsJsonObject();
            if (object.has(segment)) {
                return object.get(segment);
            }
            for (String key : object.keySet()) {
                if (key.equalsIgnoreCase(segment)) {
                    return object.get(key);
                }
            }
            return null;
        }
        if (current.isJsonArray()) {
            JsonArray array = current.getAsJsonArray();
            if (segment.equals("length")) {
                return new JsonPrimitive(array.size());
            }
            if (segment.matches("\\d+")) {
                int index = Integer.parseInt(segment);
                return index < array.size() ? array.get(index) : null;
            }
            for (JsonElement element : array) {
                if (element.isJsonObject() && element.getAsJsonObject().has("step")
                        && segment.toLowerCase(Locale.ROOT).equals(element.getAsJsonObject().get("step").getAsString())) {
                    return element;
                }
            }
        }
        return null;
    }
}
