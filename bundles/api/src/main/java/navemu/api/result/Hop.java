package navemu.api.result;

import java.util.ArrayList;
import java.util.List;

/** One hop of a redirect chain, with the steps it ran and where it was sent next. */
public final class Hop {
    public String url;
    public Integer status;
    /** The Location the hop answered with (absolute), or the internal HSTS upgrade target. */
    public String location;
    /** True for the browser's internal 307 (HSTS upgrade): no packet left for this hop. */
    public boolean internal;
    public List<StepResult> steps = new ArrayList<>();
    public TlsInfo tls;
    public CertInfo cert;
    public HttpInfo http;
}
