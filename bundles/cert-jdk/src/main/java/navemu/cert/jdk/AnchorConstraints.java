package navemu.cert.jdk;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Applies the nameConstraints a trust anchor certificate carries, with the JDK's own checker.
 *
 * <p>The SUN provider refuses a {@link TrustAnchor} with name constraints ("name constraints in
 * trust anchor not supported") and ignores the extension in an anchor certificate, so a path
 * under a constrained root would pass unconstrained. Browsers apply a root's constraints
 * (Chromium enforces anchor constraints). So, after the JDK accepted a path, when its anchor has
 * a nameConstraints extension, the path is validated once more with the anchor certificate as its
 * first certificate, under a trust anchor that is only that certificate's name and key: the JDK's
 * ConstraintsChecker then reads the root's constraints like any CA's and applies them below it.
 */
final class AnchorConstraints {
    private AnchorConstraints() {
    }

    static final String OID = "2.5.29.30";

    /** True when the anchor certificate has a nameConstraints extension. */
    static boolean constrains(X509Certificate anchor) {
        return anchor.getExtensionValue(OID) != null;
    }

    /**
     * Validates {@code path} (leaf first) with {@code anchor} on top; returns null when the JDK
     * accepts it, otherwise the JDK's exception.
     */
    static CertPathValidatorException violation(List<X509Certificate> path, X509Certificate anchor, Date at)
            throws GeneralSecurityException {
        List<X509Certificate> withAnchor = new ArrayList<>(path);
        withAnchor.add(anchor);
        PKIXParameters parameters = new PKIXParameters(Set.of(
                new TrustAnchor(anchor.getSubjectX500Principal(), anchor.getPublicKey(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        CertificateFactory factory = CertificateFactory.getInstance("X.509", "SUN");
        try {
            CertPathValidator.getInstance("PKIX", "SUN").validate(factory.generateCertPath(withAnchor), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return e;
        }
    }

    /** True when the JDK refused a name under the constraints, rather than for another reason. */
    static boolean isNameViolation(CertPathValidatorException e) {
        return e.getReason() == PKIXReason.INVALID_NAME;
    }
}
