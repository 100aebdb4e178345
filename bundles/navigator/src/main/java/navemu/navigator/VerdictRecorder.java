package navemu.navigator;

import java.util.Optional;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;

/**
 * Hands the TLS slot the active validator and remembers its verdict, so that the result can
 * explain a chain even when the handshake was aborted because of it.
 */
final class VerdictRecorder implements CertificateValidator {
    private final CertificateValidator delegate;
    private volatile CertVerdict last;

    VerdictRecorder(CertificateValidator delegate) {
        this.delegate = delegate;
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        CertVerdict verdict = delegate.validate(request, trace);
        last = verdict;
        return verdict;
    }

    Optional<CertVerdict> lastVerdict() {
        return Optional.ofNullable(last);
    }
}
