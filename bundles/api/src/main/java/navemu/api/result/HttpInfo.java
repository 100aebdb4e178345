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
    /** The body bytes read; when {@link #truncated}, what was read before navemu stopped. */
    public long bodyBytes;
    /** True when the body went on past navemu's 16 MiB limit and the rest was not read. */
    public boolean truncated;
    /** The first bytes of the body as text, for a person to glance at. */
    public String bodyPreview;
    /** True for plain http://: nothing was encrypted. */
    public boolean insecure;
}
