package navemu.cert.insecure;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;

/**
 * The {@code cert} slot's {@code insecure} implementation. It tracks the {@code pkix} validator
 * service (optional, dynamic, greedy): when pkix comes, goes or is updated, the next validation
 * uses whatever is there, and says so when nothing is.
 */
@Component(service = CertificateValidator.class, property = {"navemu.slot=cert", "navemu.impl=insecure"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class InsecureComponent implements CertificateValidator {

    @Reference(target = "(&(navemu.slot=cert)(navemu.impl=pkix))", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CertificateValidator pkix;

    private final InsecureValidator validator = new InsecureValidator(() -> pkix);

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        return validator.validate(request, trace);
    }
}
