package navemu.cert.insecure;

import java.util.function.Supplier;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.result.CertInfo;
import navemu.api.trace.StepTrace;

/**
 * Accepts every chain, yet says plainly what a strict client would have rejected.
 *
 * <p>The checks are not copied here: the strict validator ({@code pkix}) runs them all, and this
 * class keeps its findings — the error, the problems, the chain, every check — and turns the
 * verdict into an acceptance marked lenient. When the strict validator is not there, the chain is
 * still accepted, and the verdict says that no check could run.
 */
public final class InsecureValidator implements CertificateValidator {
    public static final String NAME = "insecure";

    private final Supplier<CertificateValidator> strict;

    /** @param strict the validator whose checks to run; may supply null when it is not running */
    public InsecureValidator(Supplier<CertificateValidator> strict) {
        this.strict = strict;
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        StepTrace out = trace == null ? StepTrace.NONE : trace;
        CertificateValidator checks = strict.get();
        if (checks == null) {
            return uncheckedAcceptance(request, "the pkix validator, which runs the checks for insecure, is not running", out);
        }
        CertVerdict verdict;
        try {
            verdict = checks.validate(request, out);
        } catch (RuntimeException e) {
            return uncheckedAcceptance(request, "the pkix validator failed (" + e + ")", out);
        }
        if (verdict == null || verdict.info() == null) {
            return uncheckedAcceptance(request, "the pkix validator gave no verdict", out);
        }

        CertInfo info = copy(verdict.info());
        info.validator = NAME;
        info.valid = true;
        info.lenient = !verdict.accepted();
        String reason;
        if (verdict.accepted()) {
            reason = "Accepted; the strict checks (pkix) found nothing to let through: " + verdict.reason();
        } else {
            reason = "Accepted anyway (insecure): a strict client would have rejected this chain with " + verdict.error()
                    + " — " + verdict.reason() + letThrough(info);
            out.info("insecure let through " + info.problems.size() + " problem(s) that pkix rejects with " + verdict.error());
            info.problems.forEach(problem -> out.info("let through: " + problem));
        }
        return new CertVerdict(true, verdict.error(), reason, info);
    }

    private static String letThrough(CertInfo info) {
        int others = info.problems.size() - 1;
        return others <= 0 ? "" : " (" + others + " more problem" + (others == 1 ? "" : "s") + " let through, listed in cert.problems)";
    }

    private static CertVerdict uncheckedAcceptance(ValidationRequest request, String why, StepTrace trace) {
        CertInfo info = new CertInfo();
        info.validator = NAME;
        info.valid = true;
        info.lenient = true;
        int sent = request == null ? 0 : request.chain().size();
        String reason = "Accepted without any check: " + why + ", so no checks could run on the "
                + sent + " certificate(s) sent.";
        info.checks.add("no checks ran: " + why);
        String unreadable = LeafDescription.describe(sent == 0 ? null : request.chain().get(0), info);
        if (unreadable != null) {
            info.checks.add("leaf: " + unreadable);
        }
        trace.info(reason);
        return new CertVerdict(true, null, reason, info);
    }

    private static CertInfo copy(CertInfo from) {
        CertInfo to = new CertInfo();
        to.subject = from.subject;
        to.issuer = from.issuer;
        to.san.addAll(from.san);
        to.notBefore = from.notBefore;
        to.notAfter = from.notAfter;
        to.chain.addAll(from.chain);
        to.valid = from.valid;
        to.lenient = from.lenient;
        to.error = from.error;
        to.problems.addAll(from.problems);
        to.checks.addAll(from.checks);
        to.validator = from.validator;
        return to;
    }
}
