package navemu.hostile;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;

/**
 * The cert slot for the hostile suite: the leaf must carry the test root's signature and be valid
 * now, so a certificate the proxy changed is refused (a real validator's first check).
 */
final class TestRootValidator implements CertificateValidator {
    private final X509Certificate root;

    TestRootValidator(X509Certificate root) {
        this.root = root;
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        try {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(request.chain().get(0)));
            leaf.verify(root.getPublicKey());
            leaf.checkValidity(Date.from(request.at()));
            return new CertVerdict(true, null, null, null);
        } catch (Exception e) {
            return new CertVerdict(false, NetError.ERR_CERT_INVALID, "not the test root's valid leaf: " + e, null);
        }
    }
}
