package navemu.api.cert;

import org.osgi.annotation.versioning.ConsumerType;

import navemu.api.trace.StepTrace;

/**
 * The {@code cert} slot: decides whether a server's certificate chain is good for a host.
 *
 * <p>Contract: never throws on bad input (malformed DER is a verdict with {@code ERR_CERT_INVALID});
 * explains every verdict (the chain built, each check, which certificate failed which rule).
 * A lenient implementation accepts but still lists every problem it let through.
 */
@ConsumerType
public interface CertificateValidator {

    CertVerdict validate(ValidationRequest request, StepTrace trace);
}
