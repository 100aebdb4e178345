package navemu.api.result;

import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP exchange of a hop. */
public final class HttpInfo {
    public String method;
    public String requestTarget;
    /** {@code HTTP/1.1}. */
    public String version;
    public int status;
    public String reason;
    /** Response headers, names as received; repeated headers joined with ", " (Set-Cookie with "\n"). */
    public Map<String, String> headers = new LinkedHashMap<>();
    public long bodyBytes;
    /** The first bytes of the body as text, for a person to glance at. */
    public String bodyPreview;
    /** True for plain http://: nothing was encrypted. */
    public boolean insecure;
}
