package navemu.shell.render;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import navemu.api.result.NavigationResult;

/**
 * A result as the one JSON line of {@code --json}: the public fields of
 * {@link NavigationResult} are the keys of DESIGN.md. Nulls are written ({@code "error": null}),
 * so every key exists in every line.
 */
public final class JsonRenderer {

    private final Gson gson = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapterFactory(new PlainJdkValues())
            .create();

    public String toLine(NavigationResult result) {
        return gson.toJson(result);
    }

    public JsonElement toTree(NavigationResult result) {
        return gson.toJsonTree(result);
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
