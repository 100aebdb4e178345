package navemu.cert.insecure;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import navemu.api.result.CertInfo;

/**
 * Names the leaf in a verdict given without any check (pkix absent): subject, issuer, names and
 * dates, read with the JDK's parser. Nothing here judges the certificate.
 */
final class LeafDescription {
    private LeafDescription() {
    }

    /** Fills what can be read of the leaf; returns why it could not be read, or null. */
    static String describe(byte[] der, CertInfo info) {
        if (der == null || der.length == 0) {
            return "the server sent no certificate";
        }
        try {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            info.subject = leaf.getSubjectX500Principal().getName();
            info.issuer = leaf.getIssuerX500Principal().getName();
            info.notBefore = leaf.getNotBefore().toInstant().toString();
            info.notAfter = leaf.getNotAfter().toInstant().toString();
            info.san.addAll(subjectAltNames(leaf));
            return null;
        } catch (CertificateException | RuntimeException e) {
            return "the leaf cannot be read either (" + e.getMessage() + ")";
        }
    }

    /** dNSName (type 2) and iPAddress (type 7) entries, as RFC 5280 §4.2.1.6 numbers them. */
    private static List<String> subjectAltNames(X509Certificate leaf) throws CertificateParsingException {
        Collection<List<?>> names = leaf.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .filter(entry -> entry.get(0) instanceof Integer type && (type == 2 || type == 7))
                .map(entry -> String.valueOf(entry.get(1)))
                .toList();
    }
}
