package navemu.cert.pkix.path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * Builds candidate certification paths from a leaf to a trust anchor, depth first (RFC 4158).
 *
 * <p>The server's intermediates are a bag, not a chain: any order, duplicates and extras are fine.
 * For each certificate the builder offers, in turn, every trust anchor and then every intermediate
 * whose subject is that certificate's issuer, preferring those whose subjectKeyIdentifier matches
 * the authorityKeyIdentifier. A cross-signed CA therefore gives several paths; the visitor sees them
 * one by one and stops the search when one is good. A path that cannot be extended (an issuer
 * nobody sent) is visited too, without an anchor, so that the failure can be explained.
 *
 * <p>Bounds: at most {@value #MAX_LENGTH} certificates in a path and {@value #MAX_PATHS} paths, so
 * a hostile bag of certificates cannot make the search explode: every branch of the search ends in
 * a visited path, so it passes through at most MAX_PATHS × MAX_LENGTH certificates, and the
 * visitor verifies at most that many signatures. The intermediates are indexed by subject once,
 * so a large bag costs one pass, not one pass per step.
 */
public final class PathBuilder {
    public static final int MAX_LENGTH = 8;
    public static final int MAX_PATHS = 32;

    /** Sees each candidate path; returns true to stop the search. */
    public interface Visitor {
        boolean visit(CertificationPath path);
    }

    private final TrustAnchors anchors;
    /** The sent intermediates by subject, each once, in the order sent. */
    private final Map<X500Principal, List<ParsedCertificate>> intermediatesBySubject = new HashMap<>();
    private int visited;
    private boolean stopped;

    public PathBuilder(TrustAnchors anchors, List<ParsedCertificate> sentIntermediates) {
        this.anchors = anchors;
        Set<String> seen = new HashSet<>();
        for (ParsedCertificate candidate : sentIntermediates) {
            if (seen.add(candidate.sha256())) {
                intermediatesBySubject.computeIfAbsent(candidate.subject(), k -> new ArrayList<>()).add(candidate);
            }
        }
    }

    /** Visits candidate paths from {@code leaf}; returns how many were visited. */
    public int build(ParsedCertificate leaf, Visitor visitor) {
        visited = 0;
        stopped = false;
        TrustAnchors.Anchor leafAnchor = anchors.find(leaf);
        if (leafAnchor != null) {
            // The server's certificate is itself trusted (a self-signed certificate the user added).
            offer(new CertificationPath(List.of(leaf), leafAnchor), visitor);
            return visited;
        }
        List<ParsedCertificate> path = new ArrayList<>();
        path.add(leaf);
        extend(path, visitor);
        return visited;
    }

    private void extend(List<ParsedCertificate> path, Visitor visitor) {
        ParsedCertificate last = path.get(path.size() - 1);
        if (path.size() >= MAX_LENGTH) {
            offer(new CertificationPath(path, null), visitor);
            return;
        }
        List<TrustAnchors.Anchor> anchorIssuers = anchors.withSubject(last.issuer()).stream()
                .filter(a -> notOnPath(path, a.certificate()))
                .sorted(Comparator.comparingInt(a -> keyIdRank(last, a.certificate())))
                .toList();
        List<ParsedCertificate> sentIssuers = intermediatesBySubject.getOrDefault(last.issuer(), List.of()).stream()
                .filter(c -> notOnPath(path, c))
                .filter(c -> anchors.find(c) == null)
                .sorted(Comparator.comparingInt(c -> keyIdRank(last, c)))
                .toList();
        if (anchorIssuers.isEmpty() && sentIssuers.isEmpty()) {
            offer(new CertificationPath(path, null), visitor);
            return;
        }
        for (TrustAnchors.Anchor anchor : anchorIssuers) {
            path.add(anchor.certificate());
            offer(new CertificationPath(path, anchor), visitor);
            path.remove(path.size() - 1);
            if (stopped) {
                return;
            }
        }
        for (ParsedCertificate issuer : sentIssuers) {
            path.add(issuer);
            extend(path, visitor);
            path.remove(path.size() - 1);
            if (stopped) {
                return;
            }
        }
    }

    private void offer(CertificationPath path, Visitor visitor) {
        if (stopped) {
            return;
        }
        visited++;
        if (visitor.visit(path) || visited >= MAX_PATHS) {
            stopped = true;
        }
    }

    private static boolean notOnPath(List<ParsedCertificate> path, ParsedCertificate candidate) {
        return path.stream().noneMatch(c -> c.sameIdentity(candidate));
    }

    /** 0 when the key identifiers agree, 1 when one is missing, 2 when they disagree (RFC 5280 §4.2.1.1). */
    private static int keyIdRank(ParsedCertificate child, ParsedCertificate issuer) {
        if (child.authorityKeyId() == null || issuer.subjectKeyId() == null) {
            return 1;
        }
        return Arrays.equals(child.authorityKeyId(), issuer.subjectKeyId()) ? 0 : 2;
    }
}
