package navemu.cert.pkix.path;

import java.util.List;

import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * A candidate certification path, leaf first (RFC 5280 §6.1 numbers it the other way round).
 *
 * @param certificates the leaf, the intermediates chosen, and the anchor when one was reached
 * @param anchor       the trust anchor ending the path, or null when the path ends without one
 */
public record CertificationPath(List<ParsedCertificate> certificates, TrustAnchors.Anchor anchor) {

    public CertificationPath {
        certificates = List.copyOf(certificates);
    }

    public boolean anchored() {
        return anchor != null;
    }

    public ParsedCertificate leaf() {
        return certificates.get(0);
    }

    public ParsedCertificate last() {
        return certificates.get(certificates.size() - 1);
    }

    public int length() {
        return certificates.size();
    }

    /** True for the last certificate of an anchored path. */
    public boolean isAnchor(int index) {
        return anchored() && index == certificates.size() - 1;
    }

    /** {@code leaf CN=…}, {@code intermediate #1 CN=…}, {@code trust anchor CN=…}, {@code root CN=…}. */
    public String label(int index) {
        ParsedCertificate certificate = certificates.get(index);
        if (index == 0) {
            return "leaf " + certificate.displayName();
        }
        if (isAnchor(index)) {
            return "trust anchor " + certificate.displayName();
        }
        return "intermediate #" + index + " " + certificate.displayName();
    }

    /** {@code CN=a → CN=b → CN=c (trust anchor)}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < certificates.size(); i++) {
            if (i > 0) {
                text.append(" → ");
            }
            text.append(certificates.get(i).displayName());
        }
        text.append(anchored() ? " (trust anchor, from " + anchor.source() + ")" : " (no trust anchor)");
        return text.toString();
    }
}
