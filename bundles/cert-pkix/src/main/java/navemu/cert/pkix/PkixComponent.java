package navemu.cert.pkix;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;

/**
 * The {@code cert} slot's {@code pkix} implementation: {@link PkixValidator} over the union of
 * every {@link TrustAnchorProvider} registered, tracked as they come and go, with accepted
 * verdicts reused for the same chain, host and anchors for up to 30 minutes ({@link VerdictCache}).
 */
@Component(service = CertificateValidator.class, property = {"navemu.slot=cert", "navemu.impl=pkix"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class PkixComponent implements CertificateValidator {
    private final TrustAnchorCollector anchors = new TrustAnchorCollector();
    /** With the verdict cache, as a browser's verifier has one. */
    private final PkixValidator validator = new PkixValidator(anchors::current, true);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTrustAnchorProvider(TrustAnchorProvider provider) {
        anchors.add(provider);
    }

    void removeTrustAnchorProvider(TrustAnchorProvider provider) {
        anchors.remove(provider);
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        return validator.validate(request, trace);
    }
}
