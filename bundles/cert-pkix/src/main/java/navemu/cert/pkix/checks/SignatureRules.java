package navemu.cert.pkix.checks;

import java.util.Map;

import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/** The signature on a certificate: made by its issuer's key, with an algorithm a browser still accepts. */
public final class SignatureRules {
    private SignatureRules() {
    }

    /** Signature algorithms browsers reject (SHA-1 since 2017, MD5 and MD2 long before). */
    private static final Map<String, String> WEAK = Map.of(
            "1.2.840.113549.1.1.2", "MD2 with RSA",
            "1.2.840.113549.1.1.4", "MD5 with RSA",
            "1.2.840.113549.1.1.5", "SHA-1 with RSA",
            "1.3.14.3.2.29", "SHA-1 with RSA",
            "1.2.840.10045.4.1", "ECDSA with SHA-1",
            "1.2.840.10040.4.3", "DSA with SHA-1");

    /** RFC 5280 §6.1.3 (a)(1): the signature verifies with the issuer's public key; returns whether it did. */
    public static boolean signature(ParsedCertificate certificate, String label, ParsedCertificate issuer,
                                    String issuerLabel, SignatureVerifier verifier, Findings out) {
        String failure = verifier.failure(certificate, issuer);
        if (failure == null) {
            out.pass(label, Rules.SIGNATURE, certificate.signatureAlgorithmName() + " verifies with the key of the " + issuerLabel);
            return true;
        }
        out.fail(label, Rules.SIGNATURE, CertStatus.AUTHORITY_INVALID, "the " + certificate.signatureAlgorithmName()
                + " signature does not verify with the key of the " + issuerLabel + " (" + failure + ")");
        return false;
    }

    /** Browser policy: no SHA-1 or MD5 signatures (a trust anchor's own self-signature is never checked). */
    public static void algorithm(ParsedCertificate certificate, String label, Findings out) {
        String weak = WEAK.get(certificate.signatureAlgorithmOid().getId());
        if (weak != null) {
            out.fail(label, Rules.WEAK_SIGNATURE, CertStatus.WEAK_SIGNATURE_ALGORITHM, "signed with " + weak);
        } else {
            out.pass(label, Rules.WEAK_SIGNATURE, certificate.signatureAlgorithmName());
        }
    }
}
