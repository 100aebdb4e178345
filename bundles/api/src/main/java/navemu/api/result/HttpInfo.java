package navemu.api.result;

import java.util.ArrayList;
import java.util.List;

/** The HTTP exchange of a hop: the request navemu sent and the response it read. */
public final class HttpInfo {
    /** The request method sent on this hop (a redirect may have turned a POST into a GET). */
    public String method;
    public String requestTarget;
    /** The request's header fields exactly as sent, in order. */
    public List<Header> requestHeaders = new ArrayList<>();
    /** The request body's length in bytes; 0 when none was sent. */
    public long requestBodyBytes;
    /** The response's version, {@code HTTP/1.1}. */
    public String version;
    public int status;
    public String reason;
    /** The response's header fields as received, in order: names as written, repeats kept, nothing joined. */
    public List<Header> headers = new ArrayList<>();
    /** The body bytes read; when {@link #truncated}, what was read before navemu stopped. */
    public long bodyBytes;
    /** True when the body went on past navemu's 16 MiB limit and the rest was not read. */
    public boolean truncated;
    /** The first bytes of the body as text, for a person to glance at. */
    public String bodyPreview;
    /** How many of the body's first bytes {@link #bodyPreview} holds. */
    public int bodyPreviewBytes;
    /** True for plain http://: nothing was encrypted. */
    public boolean insecure;

    /** Every response value of the field {@code name} (case-insensitive), in wire order. */
    public List<String> values(String name) {
        return valuesOf(headers, name);
    }

    /** The first response value of the field {@code name} (case-insensitive), or null. */
    public String first(String name) {
        List<String> all = values(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every value of the field {@code name} in {@code fields} (case-insensitive), in order. */
    public static List<String> valuesOf(List<Header> fields, String name) {
        List<String> values = new ArrayList<>();
        for (Header field : fields) {
            if (field.name.equalsIgnoreCase(name)) {
                values.add(field.value);
            }
        }
        return values;
    }
}
