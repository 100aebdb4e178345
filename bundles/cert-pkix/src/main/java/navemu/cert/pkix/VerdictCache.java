package navemu.cert.pkix;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.result.CertInfo;
import navemu.cert.pkix.path.CertificationPath;
import navemu.cert.pkix.path.TrustAnchors;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * Accepted verdicts, reused for the same question, as Chromium's CachingCertVerifier does (it keeps
 * a verification result for 30 minutes, keyed by the chain and the host, and forgets every result
 * when the trust store changes).
 *
 * <p>A verdict is reused only when everything it depended on is the same: the exact bytes of
 * every certificate sent, the host, the key exchange, no stapled OCSP response (its freshness is a
 * matter of time, so a validation with one always runs), the same trust anchors (the very snapshot
 * the collector hands out while no provider changed), and a time that lies within 30 minutes of
 * the validation and inside the validity of every certificate of the path it chose (the anchor's
 * own dates are never checked). Refusals are not kept: a failure always runs every check again.
 * At most {@value #CAPACITY} verdicts; emptied when full.
 */
final class VerdictCache {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final int CAPACITY = 256;

    /** What a verdict answers: the chain exactly as sent, the host and the key exchange. */
    private record Question(List<ByteBuffer> chain, String host, String keyExchange) {
        static Question of(ValidationRequest request, boolean copy) {
            List<ByteBuffer> chain = new ArrayList<>(request.chain().size());
            for (byte[] der : request.chain()) {
                chain.add(ByteBuffer.wrap(copy ? der.clone() : der));
            }
            return new Question(chain, request.host(), request.keyExchange());
        }
    }

    /** A kept verdict and the conditions under which it still holds. */
    private record Kept(TrustAnchors anchors, Instant validatedAt, Instant validFrom, Instant validUntil,
                        CertVerdict verdict, String certPath) {
        boolean holdsAt(Instant at, TrustAnchors current) {
            return anchors == current && !at.isBefore(validFrom) && !at.isAfter(validUntil)
                    && !at.isBefore(validatedAt.minus(LIFETIME)) && !at.isAfter(validatedAt.plus(LIFETIME));
        }
    }

    /** A verdict from the cache, and the path it names (for the trace). */
    record Hit(CertVerdict verdict, String certPath) {
    }

    private final Map<Question, Kept> kept = new ConcurrentHashMap<>();

    /** The kept verdict for this request, as a copy saying it came from here; null when none holds. */
    Hit find(ValidationRequest request, TrustAnchors anchors) {
        if (!cacheable(request)) {
            return null;
        }
        Kept entry = kept.get(Question.of(request, false));
        if (entry == null || !entry.holdsAt(request.at(), anchors)) {
            return null;
        }
        CertVerdict verdict = entry.verdict();
        CertInfo info = copy(verdict.info());
        info.checks.add("verdict: reused from the verification cache: the same certificates, host and trust anchors were "
                + "validated at " + entry.validatedAt() + "; " + request.at() + " is within " + LIFETIME.toMinutes()
                + " minutes of that and inside every certificate's validity (as Chromium's verifier cache)");
        String reason = "The chain " + entry.certPath() + " is valid for " + request.host() + " at " + request.at()
                + " (verdict of " + entry.validatedAt() + ", from the verification cache).";
        return new Hit(new CertVerdict(true, null, reason, info), entry.certPath());
    }

    /** Keeps an accepted verdict on {@code path}; a refusal or an uncacheable request is not kept. */
    void store(ValidationRequest request, TrustAnchors anchors, CertificationPath path, CertVerdict verdict) {
        if (!cacheable(request) || !verdict.accepted() || verdict.info() == null || !path.anchored()) {
            return;
        }
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (int i = 0; i < path.length(); i++) {
            if (path.isAnchor(i)) {
                continue;
            }
            ParsedCertificate certificate = path.certificates().get(i);
            from = certificate.notBefore().isAfter(from) ? certificate.notBefore() : from;
            until = certificate.notAfter().isBefore(until) ? certificate.notAfter() : until;
        }
        if (kept.size() >= CAPACITY) {
            kept.clear();
        }
        kept.put(Question.of(request, true),
                new Kept(anchors, request.at(), from, until,
                        new CertVerdict(true, null, verdict.reason(), copy(verdict.info())), path.describe()));
    }

    private static boolean cacheable(ValidationRequest request) {
        return request != null && request.at() != null && request.stapledOcsp() == null && !request.chain().isEmpty()
                && request.chain().stream().allMatch(Objects::nonNull);
    }

    /** A copy the caller may change without changing the kept verdict. */
    private static CertInfo copy(CertInfo original) {
        CertInfo info = new CertInfo();
        info.subject = original.subject;
        info.issuer = original.issuer;
        info.san = new ArrayList<>(original.san);
        info.notBefore = original.notBefore;
        info.notAfter = original.notAfter;
        info.chain = new ArrayList<>(original.chain);
        info.valid = original.valid;
        info.lenient = original.lenient;
        info.error = original.error;
        info.problems = new ArrayList<>(original.problems);
        info.checks = new ArrayList<>(original.checks);
        info.validator = original.validator;
        return info;
    }
}
