package navemu.cert.pkix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.result.CertInfo;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.checks.CertificateRules;
import navemu.cert.pkix.checks.HostNameRule;
import navemu.cert.pkix.checks.KeyPolicy;
import navemu.cert.pkix.checks.LeafRules;
import navemu.cert.pkix.checks.PathChecks;
import navemu.cert.pkix.checks.Rules;
import navemu.cert.pkix.checks.SignatureVerifier;
import navemu.cert.pkix.checks.StapledOcspRule;
import navemu.cert.pkix.checks.WorkCounter;
import navemu.cert.pkix.path.CertificationPath;
import navemu.cert.pkix.path.PathBuilder;
import navemu.cert.pkix.path.TrustAnchors;
import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Finding;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.CertificateCache;
import navemu.cert.pkix.x509.CertificateParseException;
import navemu.cert.pkix.x509.CertificateSummaries;
import navemu.cert.pkix.x509.IpAddresses;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * navemu's own certificate validator: RFC 5280 path building and validation, RFC 6125 host
 * names, a browser's policy, and stapled OCSP — with every check written down.
 *
 * <p>The steps, in order:
 * <ol>
 *   <li>parse the leaf (a leaf that is not DER ends here with ERR_CERT_INVALID) and the
 *       intermediates (one that is not DER is ignored, as Chromium does);</li>
 *   <li>check the leaf's own rules: validity, critical extensions, the key (RSA or ECDSA on an allowed curve), keyUsage for the key
 *       exchange, extendedKeyUsage serverAuth;</li>
 *   <li>build candidate paths to a trust anchor and check each ({@link PathChecks}) until one
 *       passes; if none does, keep the best failure (one that reached an anchor, with the fewest
 *       problems);</li>
 *   <li>match the host name, read the stapled OCSP response, apply the validity-period policy;</li>
 *   <li>pick the error a browser would show ({@link #browserStatuses}).</li>
 * </ol>
 *
 * <p>Thread-safe: each call works on its own objects. Never throws.
 */
public final class PkixValidator implements CertificateValidator {
    public static final String NAME = "pkix";

    private final Supplier<TrustAnchors> anchors;
    private final SignatureVerifier signatures = new SignatureVerifier();
    private final CertificateCache certificates = new CertificateCache();
    /** Null when every validation runs every check. */
    private final VerdictCache verdicts;

    /** A validator that runs every check on every validation. */
    public PkixValidator(Supplier<TrustAnchors> anchors) {
        this(anchors, false);
    }

    /** @param cacheVerdicts reuse accepted verdicts for the same question, as Chromium does ({@link VerdictCache}) */
    PkixValidator(Supplier<TrustAnchors> anchors, boolean cacheVerdicts) {
        this.anchors = anchors;
        this.verdicts = cacheVerdicts ? new VerdictCache() : null;
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        StepTrace out = trace == null ? StepTrace.NONE : trace;
        try {
            TrustAnchors trustAnchors = anchors.get();
            if (verdicts == null) {
                return run(request, out, trustAnchors).verdict();
            }
            VerdictCache.Hit hit = verdicts.find(request, trustAnchors);
            if (hit != null) {
                out.detail("certPath", hit.certPath());
                out.info("accepted from the verification cache: " + hit.verdict().reason());
                return hit.verdict();
            }
            Outcome outcome = run(request, out, trustAnchors);
            if (outcome.path() != null) {
                verdicts.store(request, trustAnchors, outcome.path(), outcome.verdict());
            }
            return outcome.verdict();
        } catch (RuntimeException e) {
            // The contract says never throw; a bug here must still end in a clear verdict.
            CertInfo info = emptyInfo();
            String reason = "The validator failed unexpectedly (" + e + "), so the chain cannot be trusted.";
            info.error = CertStatus.INVALID.error().name();
            info.problems.add("validator: internal error: " + e);
            out.info(reason);
            return new CertVerdict(false, CertStatus.INVALID.error(), reason, info);
        }
    }

    /** A verdict and the path it chose (null when no path was built). */
    private record Outcome(CertVerdict verdict, CertificationPath path) {
    }

    private Outcome run(ValidationRequest request, StepTrace trace, TrustAnchors trustAnchors) {
        CertInfo info = emptyInfo();
        if (request == null || request.chain().isEmpty()) {
            return malformed(info, "The server sent no certificate.", "server: no certificate", trace);
        }
        Instant at = request.at();
        if (at == null) {
            at = Instant.now();
            info.checks.add("validation time: none given, using the system clock: " + at);
        }

        // 1. Parse.
        ParsedCertificate leaf;
        try {
            leaf = certificates.parse(request.chain().get(0));
        } catch (CertificateParseException e) {
            return malformed(info, "The leaf certificate (certificate 1 of " + request.chain().size()
                            + " sent) cannot be parsed: " + e.getMessage() + ".",
                    "leaf (certificate 1 sent): " + Rules.DER + ": " + e.getMessage(), trace);
        }
        List<ParsedCertificate> intermediates = new ArrayList<>();
        for (int i = 1; i < request.chain().size(); i++) {
            try {
                intermediates.add(certificates.parse(request.chain().get(i)));
            } catch (CertificateParseException e) {
                info.checks.add("certificate " + (i + 1) + " sent: " + Rules.DER + ": ignored, it cannot be parsed ("
                        + e.getMessage() + ")");
                trace.info("certificate " + (i + 1) + " sent is not DER and was ignored: " + e.getMessage());
            }
        }
        String leafLabel = "leaf " + leaf.displayName();
        fillLeaf(info, leaf);

        // 2. The leaf's own rules.
        Findings leafFindings = new Findings();
        CertificateRules.validity(leaf, leafLabel, at, leafFindings);
        CertificateRules.criticalExtensions(leaf, leafLabel, leafFindings);
        KeyPolicy.check(leaf, leafLabel, leafFindings);
        LeafRules.keyUsage(leaf, leafLabel, request.keyExchange(), leafFindings);
        LeafRules.extendedKeyUsage(leaf, leafLabel, leafFindings);

        // 3. Paths.
        trustAnchors.notes().forEach(note -> info.checks.add("trust anchors: " + note));
        WorkCounter work = new WorkCounter();
        BestPath best = new BestPath(at, trustAnchors.size(), signatures, work);
        int tried = new PathBuilder(trustAnchors, intermediates).build(leaf, best);
        trace.info("built " + tried + " candidate path(s) from " + request.chain().size()
                + " certificate(s) sent and " + trustAnchors.size() + " trust anchor(s); chosen: " + best.path.describe());
        info.checks.add("work: " + work.describe());
        trace.info("work: " + work.describe());
        if (best.exhausted) {
            String stop = "path building stopped after " + work.signatures() + " signature checks (at most "
                    + WorkCounter.MAX_SIGNATURES + " are started); the other candidate paths were not tried";
            info.checks.add("paths: " + stop);
            trace.info(stop);
        }

        // 4. Host, revocation, policy.
        Findings after = new Findings();
        HostNameRule.check(leaf, leafLabel, request.host(), after);
        ParsedCertificate issuer = best.path.length() > 1 ? best.path.certificates().get(1) : null;
        StapledOcspRule.check(request.stapledOcsp(), leaf, leafLabel, issuer, at, after);
        LeafRules.validityPeriod(leaf, leafLabel, after);

        // 5. The verdict.
        Findings all = new Findings();
        all.addAll(leafFindings);
        all.addAll(best.findings);
        all.addAll(after);
        Findings pathLevel = new Findings();
        pathLevel.addAll(leafFindings);
        pathLevel.addAll(best.findings);
        Set<CertStatus> statuses = browserStatuses(pathLevel.statuses(), after.statuses());
        CertStatus worst = CertStatus.mostSerious(statuses);

        for (int i = 0; i < best.path.length(); i++) {
            info.chain.add(CertificateSummaries.of(best.path.certificates().get(i), best.path.isAnchor(i)));
        }
        all.all().forEach(f -> info.checks.add(f.checkLine()));
        all.failures().forEach(f -> info.problems.add(f.problemLine()));
        info.valid = worst == null;
        info.error = worst == null ? null : worst.error().name();

        String reason;
        if (worst == null) {
            reason = "The chain " + best.path.describe() + " is valid for " + request.host() + " at " + at + ".";
        } else {
            Finding first = all.firstWith(worst);
            reason = first.sentence();
        }
        trace.detail("certPath", best.path.describe());
        for (Finding problem : all.failures()) {
            trace.info("problem: " + problem.problemLine());
        }
        trace.info((worst == null ? "accepted: " : "rejected with " + worst.error() + ": ") + reason);
        return new Outcome(new CertVerdict(worst == null, worst == null ? null : worst.error(), reason, info), best.path);
    }

    /**
     * The statuses a browser sets, from which {@link CertStatus#mostSerious} picks the error.
     *
     * <p>Chromium's path builder ({@code MapPathBuilderErrorsToCertStatus} in
     * {@code net/cert/cert_verify_proc_builtin.cc}) turns a failed path into the specific statuses it
     * recognises (revoked, weak signature or key, date, authority) and falls back to
     * CERT_STATUS_INVALID only when none of those applies: an expired certificate that also lacks
     * serverAuth is reported as ERR_CERT_DATE_INVALID, and a name-constraints violation (a rule
     * without a status of its own) as ERR_CERT_INVALID. Name mismatch, the validity-period policy and
     * stapled revocation are added afterwards, whatever the path said.
     */
    static Set<CertStatus> browserStatuses(Set<CertStatus> pathStatuses, Set<CertStatus> afterPath) {
        Set<CertStatus> statuses = EnumSet.noneOf(CertStatus.class);
        statuses.addAll(pathStatuses);
        statuses.remove(CertStatus.INVALID);
        if (statuses.isEmpty() && pathStatuses.contains(CertStatus.INVALID)) {
            statuses.add(CertStatus.INVALID);
        }
        statuses.addAll(afterPath);
        return statuses;
    }

    /** Keeps the first path that passes, or else the best failure, and stops the search on success. */
    private static final class BestPath implements PathBuilder.Visitor {
        private final Instant at;
        private final int anchorCount;
        private final SignatureVerifier signatures;
        private final WorkCounter work;
        CertificationPath path;
        Findings findings;
        boolean exhausted;

        BestPath(Instant at, int anchorCount, SignatureVerifier signatures, WorkCounter work) {
            this.at = at;
            this.anchorCount = anchorCount;
            this.signatures = signatures;
            this.work = work;
        }

        @Override
        public boolean visit(CertificationPath candidate) {
            Findings result = PathChecks.check(candidate, at, anchorCount, signatures, work);
            if (path == null || better(candidate, result)) {
                path = candidate;
                findings = result;
            }
            if (!result.hasFailures()) {
                return true;
            }
            // Each path costs up to MAX_LENGTH - 1 signatures; stop once the validation's budget is spent.
            if (work.signatures() >= WorkCounter.MAX_SIGNATURES) {
                exhausted = true;
                return true;
            }
            return false;
        }

        private boolean better(CertificationPath candidate, Findings result) {
            if (candidate.anchored() != path.anchored()) {
                return candidate.anchored();
            }
            return result.failures().size() < findings.failures().size();
        }
    }

    private static void fillLeaf(CertInfo info, ParsedCertificate leaf) {
        info.subject = leaf.subject().getName();
        info.issuer = leaf.issuer().getName();
        info.san.addAll(leaf.dnsNames());
        leaf.ipAddresses().forEach(ip -> info.san.add(IpAddresses.format(ip)));
        info.notBefore = leaf.notBeforeText();
        info.notAfter = leaf.notAfterText();
    }

    private static Outcome malformed(CertInfo info, String reason, String problem, StepTrace trace) {
        info.valid = false;
        info.error = CertStatus.INVALID.error().name();
        info.problems.add(problem);
        info.checks.add(problem);
        trace.info("rejected with " + info.error + ": " + reason);
        return new Outcome(new CertVerdict(false, CertStatus.INVALID.error(), reason, info), null);
    }

    private static CertInfo emptyInfo() {
        CertInfo info = new CertInfo();
        info.validator = NAME;
        return info;
    }
}
