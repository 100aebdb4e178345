package navemu.cert.jdk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import navemu.api.result.CertificateSummary;

/** Describes a certificate the way a browser's certificate viewer does. */
final class CertificateSummaries {

    private CertificateSummaries() {
    }

    static CertificateSummary of(X509Certificate c, boolean trustAnchor) {
        return new CertificateSummary(name(c.getSubjectX500Principal()), name(c.getIssuerX500Principal()), san(c),
                c.getNotBefore().toInstant().toString(), c.getNotAfter().toInstant().toString(),
                keyType(c.getPublicKey()), keyBits(c.getPublicKey()), c.getSigAlgName(), sha256(c), trustAnchor);
    }

    /** RFC 4514 string form (the JDK's RFC 2253 form, which RFC 4514 obsoletes with the same syntax). */
    static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    /** subjectAltName dNSName (2) and iPAddress (7) entries, RFC 5280 §4.2.1.6. */
    static List<String> san(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = c.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unparseable subjectAltName: " + e.getMessage() + ")");
        }
        return names;
    }

    static String keyType(PublicKey key) {
        return key.getAlgorithm();
    }

    static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return ((RSAPublicKey) key).getModulus().bitLength();
        }
        if (key instanceof ECPublicKey) {
            return ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
        }
        switch (key.getAlgorithm()) {
            case "Ed25519": return 255;
            case "Ed448": return 448;
            default: return 0;
        }
    }

    static String sha256(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                if (hex.length() > 0) {
                    hex.append(':');
                }
                hex.append(String.format("%02X", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }
}
