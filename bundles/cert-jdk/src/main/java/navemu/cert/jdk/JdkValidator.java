package navemu.cert.jdk;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.cert.ValidationRequest;
import navemu.api.result.CertInfo;
import navemu.api.trace.StepTrace;

/**
 * The JDK's certificate validation, as a reference: PKIX path validation by the SUN provider's
 * {@link CertPathValidator} (RFC 5280 §6, revocation off) against the union of every registered
 * {@link TrustAnchorProvider}, then the JDK's own HTTPS hostname check (see {@link HostnameProbe}).
 *
 * <p>Nothing is fetched from the network: no OCSP or CRL request, no AIA chasing. A stapled OCSP
 * response for the leaf (RFC 6066 §8), when the TLS client passes one, is checked by the JDK's
 * {@link java.security.cert.PKIXRevocationChecker}.
 *
 * <p>The chain is first validated as the server sent it (the order TLS requires, RFC 8446 §4.4.2);
 * if that fails only because the chain does not reach an anchor, the JDK's {@link CertPathBuilder}
 * searches the certificates sent for another path, as browsers do; after any other failure it
 * does not, and the verdict says so. A trust anchor's nameConstraints are applied with the JDK's
 * own checker ({@link AnchorConstraints}); a leaf that is itself a trust anchor is accepted with
 * its host name and key usage checked, and the verdict says what the JDK did not check. Where the
 * JDK's policy is looser than a browser's, {@link JdkPolicyNotes} says so. Never throws: bad input
 * is a verdict.
 */
public final class JdkValidator implements CertificateValidator {

    /** Said whenever the chain as sent failed for a reason other than its anchor. */
    static final String ONE_PATH_ONLY = "JDK limitation: the chain as sent failed for a reason other than its anchor, and"
            + " the JDK searches other paths only when the chain reaches no anchor; a browser would also try the other"
            + " paths the certificates sent allow (a cross-signed or renewed intermediate)";

    private final Supplier<List<TrustAnchorProvider>> providers;

    public JdkValidator(Supplier<List<TrustAnchorProvider>> providers) {
        this.providers = providers;
    }

    @Override
    public CertVerdict validate(ValidationRequest request, StepTrace trace) {
        Run run = new Run(request, trace);
        try {
            return run.validate();
        } catch (RuntimeException | GeneralSecurityException e) {
            return run.fail(NetError.ERR_CERT_INVALID, "the JDK could not validate the chain: " + e);
        }
    }

    /** One validation: its inputs, what has been found so far, and the explanation being built. */
    private final class Run {
        final ValidationRequest request;
        final StepTrace trace;
        final CertInfo info = new CertInfo();
        final List<X509Certificate> sent = new ArrayList<>();

        Run(ValidationRequest request, StepTrace trace) {
            this.request = request;
            this.trace = trace;
            info.validator = "jdk";
        }

        CertVerdict validate() throws GeneralSecurityException {
            if (request.chain().isEmpty()) {
                return fail(NetError.ERR_CERT_INVALID, "the server sent no certificate");
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509", "SUN");
            for (int i = 0; i < request.chain().size(); i++) {
                byte[] der = request.chain().get(i);
                try {
                    sent.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(
                            der == null ? new byte[0] : der)));
                } catch (CertificateException | RuntimeException e) {
                    return fail(NetError.ERR_CERT_INVALID, "certificate " + (i + 1) + " of " + request.chain().size()
                            + " is not a valid DER X.509 certificate: " + e.getMessage());
                }
            }
            describeLeaf(sent.get(0));
            check("parsed " + sent.size() + " certificate(s) as sent by the server; leaf " + info.subject);

            Map<X509Certificate, String> anchors = anchors();
            if (anchors.isEmpty()) {
                return fail(NetError.ERR_CERT_AUTHORITY_INVALID, "no trust anchors: no trust anchor provider is"
                        + " registered, or every one is empty");
            }
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            anchors.keySet().forEach(a -> trustAnchors.add(new TrustAnchor(a, null)));
            check("trust anchors: " + anchors.size() + " certificate(s) from " + new HashSet<>(anchors.values()));

            Date at = Date.from(request.at());
            if (anchors.containsKey(sent.get(0))) {
                return leafIsAnAnchor(anchors.get(sent.get(0)));
            }
            List<X509Certificate> path = pathAsSent(anchors);
            X509Certificate anchor;
            try {
                PKIXParameters parameters = new PKIXParameters(trustAnchors);
                parameters.setRevocationEnabled(false);
                parameters.setDate(at);
                CertPathValidator validator = CertPathValidator.getInstance("PKIX", "SUN");
                StapledOcsp.addChecker(validator, parameters, sent.get(0), request.stapledOcsp());
                PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) validator
                        .validate(factory.generateCertPath(path), parameters);
                anchor = result.getTrustAnchor().getTrustedCert();
            } catch (CertPathValidatorException e) {
                NetError error = PkixFailure.error(e);
                if (error != NetError.ERR_CERT_AUTHORITY_INVALID) {
                    check(ONE_PATH_ONLY);
                    return fail(error, culprit(e, path) + ": " + PkixFailure.explain(e) + " [JDK: " + e.getMessage() + "]"
                            + " (the JDK tried no other path: it rebuilds only a chain that reaches no anchor)");
                }
                PKIXCertPathBuilderResult built = build(trustAnchors, at);
                if (built == null) {
                    return fail(error, culprit(e, path) + ": " + PkixFailure.explain(e) + " [JDK: " + e.getMessage() + "]");
                }
                check("the chain as sent does not reach an anchor (" + e.getMessage() + "); the JDK's"
                        + " CertPathBuilder found another path through the certificates sent");
                path = new ArrayList<>();
                for (java.security.cert.Certificate c : built.getCertPath().getCertificates()) {
                    path.add((X509Certificate) c);
                }
                anchor = built.getTrustAnchor().getTrustedCert();
            }
            check("path: " + describePath(path, anchor) + " (trusted by " + anchors.getOrDefault(anchor, "an anchor") + ")");
            if (AnchorConstraints.constrains(anchor)) {
                CertPathValidatorException violation = AnchorConstraints.violation(path, anchor, at);
                if (violation != null) {
                    NetError error = AnchorConstraints.isNameViolation(violation) ? NetError.ERR_CERT_INVALID : PkixFailure.error(violation);
                    return fail(error, "under the trust anchor's nameConstraints: "
                            + (AnchorConstraints.isNameViolation(violation) ? PkixFailure.explain(violation)
                            : "the JDK could not apply them (" + PkixFailure.explain(violation) + "), so the chain is refused")
                            + " [JDK: " + violation.getMessage() + "]");
                }
                check("trust anchor nameConstraints: applied by the JDK with the anchor certificate validated as the"
                        + " path's first CA (the JDK refuses constraints on a TrustAnchor itself); passed");
            }
            check("signatures, name chaining, basicConstraints, keyUsage, validity at " + request.at()
                    + ": passed (JDK PKIX, RFC 5280 §6)");
            check(StapledOcsp.describe(request.stapledOcsp()));
            JdkPolicyNotes.notes(path, info.san).forEach(this::check);

            try {
                HostnameProbe.check(path.get(0), request.host());
            } catch (CertificateException e) {
                return hostnameFailure(e);
            }
            check("hostname: " + request.host() + " matches " + info.san + " (JDK HTTPS endpoint identification,"
                    + " RFC 2818 §3.1)");
            String usage = LeafUsage.problem(path.get(0), request.keyExchange());
            if (usage != null) {
                return fail(NetError.ERR_CERT_INVALID, info.subject + ": " + usage);
            }
            check("leaf key usage: fits a TLS server" + (request.keyExchange() == null ? ""
                    : " with key exchange " + request.keyExchange()) + " (RFC 5280 §4.2.1.3, §4.2.1.12)");

            info.valid = true;
            for (X509Certificate c : path) {
                info.chain.add(CertificateSummaries.of(c, false));
            }
            info.chain.add(CertificateSummaries.of(anchor, true));
            trace.detail("valid", true);
            return new CertVerdict(true, null, null, info);
        }

        /**
         * The leaf is itself a trust anchor (a self-signed certificate the user trusts). The JDK's
         * PKIX validation has no path to check then (its CertPathBuilder returns an empty path), so
         * only the host name and the key usage are checked, and the verdict says what was not.
         */
        private CertVerdict leafIsAnAnchor(String provider) throws GeneralSecurityException {
            X509Certificate leaf = sent.get(0);
            check("the leaf is itself a trust anchor (from " + provider + "): the JDK's PKIX validation has no path to"
                    + " check, so its dates, extensions and signature are not checked");
            try {
                HostnameProbe.check(leaf, request.host());
            } catch (CertificateException e) {
                return hostnameFailure(e);
            }
            check("hostname: " + request.host() + " matches " + info.san + " (JDK HTTPS endpoint identification,"
                    + " RFC 2818 §3.1)");
            String usage = LeafUsage.problem(leaf, request.keyExchange());
            if (usage != null) {
                return fail(NetError.ERR_CERT_INVALID, info.subject + ": " + usage);
            }
            JdkPolicyNotes.notes(List.of(leaf), info.san).forEach(this::check);
            info.valid = true;
            info.chain.add(CertificateSummaries.of(leaf, true));
            trace.detail("valid", true);
            return new CertVerdict(true, null, null, info);
        }

        /** The chain as sent, cut where it reaches a certificate that is itself an anchor. */
        private List<X509Certificate> pathAsSent(Map<X509Certificate, String> anchors) {
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : sent) {
                if (!path.isEmpty() && anchors.containsKey(c)) {
                    break;
                }
                path.add(c);
            }
            return path;
        }

        private PKIXCertPathBuilderResult build(Set<TrustAnchor> trustAnchors, Date at) {
            try {
                X509CertSelector target = new X509CertSelector();
                target.setCertificate(sent.get(0));
                PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
                parameters.setRevocationEnabled(false);
                parameters.setDate(at);
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(sent)));
                CertPathBuilder builder = CertPathBuilder.getInstance("PKIX", "SUN");
                StapledOcsp.addChecker(builder, parameters, sent.get(0), request.stapledOcsp());
                return (PKIXCertPathBuilderResult) builder.build(parameters);
            } catch (GeneralSecurityException e) {
                return null;
            }
        }

        /** Anchor certificates, each with the name of the provider that gave it. */
        private Map<X509Certificate, String> anchors() {
            Map<X509Certificate, String> all = new LinkedHashMap<>();
            for (TrustAnchorProvider provider : providers.get()) {
                try {
                    for (X509Certificate anchor : provider.anchors()) {
                        all.putIfAbsent(anchor, provider.name());
                    }
                } catch (RuntimeException e) {
                    check("trust anchor provider failed and was skipped: " + e);
                }
            }
            return all;
        }

        private CertVerdict hostnameFailure(CertificateException e) {
            String message = String.valueOf(e.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
                return fail(NetError.ERR_CERT_COMMON_NAME_INVALID, info.subject + " is not valid for "
                        + request.host() + ": its names are " + info.san + " [JDK: " + message + "]");
            }
            return fail(NetError.ERR_CERT_INVALID, "the JDK's hostname check failed: " + message);
        }

        private String culprit(CertPathValidatorException e, List<X509Certificate> path) {
            int index = e.getIndex();
            if (index >= 0 && index < path.size()) {
                return "certificate " + (index + 1) + " (" + CertificateSummaries.name(path.get(index).getSubjectX500Principal()) + ")";
            }
            return "the chain of " + info.subject;
        }

        private String describePath(List<X509Certificate> path, X509Certificate anchor) {
            List<String> names = new ArrayList<>();
            path.forEach(c -> names.add(CertificateSummaries.name(c.getSubjectX500Principal())));
            names.add("anchor " + CertificateSummaries.name(anchor.getSubjectX500Principal()));
            return String.join(" -> ", names);
        }

        private void describeLeaf(X509Certificate leaf) {
            info.subject = CertificateSummaries.name(leaf.getSubjectX500Principal());
            info.issuer = CertificateSummaries.name(leaf.getIssuerX500Principal());
            info.san.addAll(CertificateSummaries.san(leaf));
            info.notBefore = leaf.getNotBefore().toInstant().toString();
            info.notAfter = leaf.getNotAfter().toInstant().toString();
        }

        private void check(String line) {
            info.checks.add(line);
            trace.info(line);
        }

        CertVerdict fail(NetError error, String reason) {
            info.valid = false;
            info.error = error.name();
            info.problems.add(reason);
            info.checks.add("FAILED " + error + ": " + reason);
            if (info.chain.isEmpty()) {
                for (X509Certificate c : sent) {
                    info.chain.add(CertificateSummaries.of(c, false));
                }
            }
            trace.info(error + ": " + reason);
            trace.detail("valid", false);
            trace.detail("error", error.name());
            return new CertVerdict(false, error, reason, info);
        }
    }
}
