package navemu.cert.pkix.path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * The trust anchors of one validation (RFC 5280 §6.1.1 (d)): certificates whose name and key are
 * trusted without a signature above them, indexed by subject for path building.
 */
public final class TrustAnchors {

    /** One anchor and the provider it came from, for messages ("from lab root"). */
    public record Anchor(ParsedCertificate certificate, String source) {
    }

    private final Map<X500Principal, List<Anchor>> bySubject = new HashMap<>();
    private final List<String> notes;
    private int size;

    public TrustAnchors(List<Anchor> anchors, List<String> notes) {
        for (Anchor anchor : anchors) {
            List<Anchor> same = bySubject.computeIfAbsent(anchor.certificate().subject(), k -> new ArrayList<>(1));
            if (same.stream().noneMatch(a -> a.certificate().sameIdentity(anchor.certificate()))) {
                same.add(anchor);
                size++;
            }
        }
        this.notes = List.copyOf(notes);
    }

    public static TrustAnchors of(List<ParsedCertificate> anchors, String source) {
        return new TrustAnchors(anchors.stream().map(a -> new Anchor(a, source)).toList(), List.of());
    }

    /** Anchors whose subject is {@code name}: the candidate issuers of a certificate issued by {@code name}. */
    public List<Anchor> withSubject(X500Principal name) {
        return bySubject.getOrDefault(name, List.of());
    }

    /** The anchor with the same name and key as {@code certificate}, or null: a sent copy of a root is that root. */
    public Anchor find(ParsedCertificate certificate) {
        for (Anchor anchor : withSubject(certificate.subject())) {
            if (anchor.certificate().sameIdentity(certificate)) {
                return anchor;
            }
        }
        return null;
    }

    public int size() {
        return size;
    }

    /** What went wrong while gathering anchors (a provider that failed, an anchor that did not parse). */
    public List<String> notes() {
        return notes;
    }
}
