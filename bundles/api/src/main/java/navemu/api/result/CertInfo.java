package navemu.api.result;

import java.util.ArrayList;
import java.util.List;

/** The server certificate and the verdict of the {@code cert} slot on it. */
public final class CertInfo {
    /** Leaf subject, RFC 4514 form. */
    public String subject;
    public String issuer;
    /** Leaf subjectAltName dNSName and iPAddress entries. */
    public List<String> san = new ArrayList<>();
    /** ISO-8601. */
    public String notBefore;
    public String notAfter;
    /** The chain the validator built (or, failing that, the one the server sent), leaf first. */
    public List<CertificateSummary> chain = new ArrayList<>();
    /** The validator accepted the chain for this host. */
    public boolean valid;
    /** The validator accepted it only because it was told to be lenient (insecure). */
    public boolean lenient;
    /** The browser error code for the first problem, or null. */
    public String error;
    /** Every check that failed, each naming the certificate and the rule. Empty when none. */
    public List<String> problems = new ArrayList<>();
    /** Every check that ran, in order, with its outcome. */
    public List<String> checks = new ArrayList<>();
    /** Which validator gave the verdict. */
    public String validator;
}
