package navemu.cert.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.Slot;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;

/**
 * Registers {@link JdkValidator} as the {@code cert} slot's {@code jdk} implementation; its trust
 * anchors are every {@link TrustAnchorProvider} registered at the moment of each validation.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = CertificateValidator.class,
        property = {Slot.PROPERTY_SLOT + "=cert", Slot.PROPERTY_IMPL + "=jdk"})
public class JdkCertComponent implements CertificateValidator {

    private final List<TrustAnchorProvider> providers = new CopyOnWriteArrayList<>();
    private final JdkValidator validator = new JdkValidator(() -> new ArrayList<>(providers));

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTrustAnchorProvider(TrustAnchorProvider provider) {
        providers.add(provider);
    }

    void removeTrustAnchorProvider(TrustAnchorProvider provider) {
        providers.remove(provider);
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        return validator.validate(request, trace);
    }
}
