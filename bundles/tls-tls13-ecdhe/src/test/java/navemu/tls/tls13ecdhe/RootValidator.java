package navemu.tls.tls13ecdhe;

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
 * A deliberately small cert slot for these tests (the real validators are other bundles): the
 * leaf must be signed by the test's root and valid at the request's time. It also remembers the
 * last request, so tests can see what the handshake handed over.
 */
final class RootValidator implements CertificateValidator {
    private final X509Certificate root;
    volatile ValidationRequest lastRequest;

    RootValidator(X509Certificate root) {
        this.root = root;
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        lastRequest = request;
        try {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(request.chain().get(0)));
            try {
                leaf.verify(root.getPublicKey());
            } catch (Exception e) {
                return new CertVerdict(false, NetError.ERR_CERT_AUTHORITY_INVALID, "leaf not signed by the test root", null);
            }
            try {
                leaf.checkValidity(Date.from(request.at()));
            } catch (Exception e) {
                return new CertVerdict(false, NetError.ERR_CERT_DATE_INVALID, "leaf not valid at " + request.at(), null);
            }
            return new CertVerdict(true, null, null, null);
        } catch (Exception e) {
            return new CertVerdict(false, NetError.ERR_CERT_INVALID, e.toString(), null);
        }
    }
}
