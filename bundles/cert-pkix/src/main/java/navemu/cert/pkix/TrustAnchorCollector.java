package navemu.cert.pkix;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import navemu.api.cert.TrustAnchorProvider;
import navemu.cert.pkix.path.TrustAnchors;
import navemu.cert.pkix.x509.CertificateParseException;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * The union of the anchors of every {@link TrustAnchorProvider} present, as providers come and go.
 *
 * <p>Providers are asked at each validation (their anchors may change: a lab CA created late, a
 * CA bundle re-read), but the parsed, indexed result is reused as long as every provider hands
 * back the same lists, so that a warm validation does not re-parse a system CA bundle.
 */
final class TrustAnchorCollector {
    private final List<TrustAnchorProvider> providers = new CopyOnWriteArrayList<>();
    private final Map<X509Certificate, ParsedCertificate> parsed = new ConcurrentHashMap<>();
    private volatile Snapshot last;

    private record Snapshot(List<List<X509Certificate>> lists, TrustAnchors anchors) {
    }

    void add(TrustAnchorProvider provider) {
        providers.add(provider);
    }

    void remove(TrustAnchorProvider provider) {
        providers.remove(provider);
    }

    TrustAnchors current() {
        List<TrustAnchorProvider> present = List.copyOf(providers);
        List<List<X509Certificate>> lists = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (TrustAnchorProvider provider : present) {
            try {
                List<X509Certificate> anchors = provider.anchors();
                lists.add(anchors == null ? List.of() : anchors);
            } catch (RuntimeException e) {
                lists.add(List.of());
                notes.add("provider " + safeName(provider) + " failed: " + e.getMessage());
            }
        }
        Snapshot snapshot = last;
        if (snapshot != null && notes.isEmpty() && sameLists(snapshot.lists, lists)) {
            return snapshot.anchors;
        }
        List<TrustAnchors.Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            String source = safeName(present.get(i));
            for (X509Certificate certificate : lists.get(i)) {
                ParsedCertificate anchor = parse(certificate, source, notes);
                if (anchor != null) {
                    anchors.add(new TrustAnchors.Anchor(anchor, source));
                }
            }
        }
        if (present.isEmpty()) {
            notes.add("no trust anchor provider is running: every chain will fail with ERR_CERT_AUTHORITY_INVALID");
        }
        TrustAnchors result = new TrustAnchors(anchors, notes);
        last = new Snapshot(lists, result);
        return result;
    }

    private ParsedCertificate parse(X509Certificate certificate, String source, List<String> notes) {
        ParsedCertificate known = parsed.get(certificate);
        if (known != null) {
            return known;
        }
        try {
            ParsedCertificate anchor = ParsedCertificate.parse(certificate.getEncoded());
            parsed.put(certificate, anchor);
            return anchor;
        } catch (CertificateParseException | CertificateEncodingException e) {
            notes.add("an anchor from " + source + " (" + certificate.getSubjectX500Principal().getName()
                    + ") is ignored: " + e.getMessage());
            return null;
        }
    }

    private static boolean sameLists(List<List<X509Certificate>> a, List<List<X509Certificate>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i) && !a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String safeName(TrustAnchorProvider provider) {
        try {
            return provider.name();
        } catch (RuntimeException e) {
            return provider.getClass().getName();
        }
    }
}
