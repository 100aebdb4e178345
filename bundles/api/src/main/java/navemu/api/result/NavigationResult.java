package navemu.api.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one navigation did and found: the object {@code --json} prints as one line.
 *
 * <p>A plain data holder whose public fields are the JSON keys of DESIGN.md; the navigator
 * fills it as the steps run. Where a redirect was followed, the top-level objects describe
 * the last hop and {@link #redirects} holds the hops before it, in order.
 */
public final class NavigationResult {
    /** The URL the user asked for. */
    public String url;
    /** The URL of the last hop (after HSTS upgrades and redirects). */
    public String finalUrl;
    /** True when the final response arrived (whatever its status) and no step failed. */
    public boolean ok;
    /** Null, or the Chromium net error name, e.g. {@code ERR_NAME_NOT_RESOLVED}. */
    public String error;
    /** Null, or one sentence saying why the navigation failed. */
    public String errorMessage;
    /** The final HTTP status, or null when no response arrived. */
    public Integer status;
    /** The active implementation per slot when the navigation started. */
    public Map<String, String> composition = new LinkedHashMap<>();
    /** The steps of the last hop in the order they ran. */
    public List<StepResult> steps = new ArrayList<>();
    /** Null for plain http://. */
    public TlsInfo tls;
    /** Null when no certificate was seen. */
    public CertInfo cert;
    public HstsInfo hsts = new HstsInfo();
    /** Null when no response arrived. */
    public HttpInfo http;
    /** The hops before the last one, each with its own steps. */
    public List<Hop> redirects = new ArrayList<>();
    /** Wall-clock start, ISO-8601, for reports. */
    public String startedAt;
    /** Whole navigation, all hops. */
    public double totalMs;
}
