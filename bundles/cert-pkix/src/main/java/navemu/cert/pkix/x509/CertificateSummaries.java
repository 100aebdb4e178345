package navemu.cert.pkix.x509;

import navemu.api.result.CertificateSummary;

/** A parsed certificate as a browser's certificate viewer shows it. */
public final class CertificateSummaries {
    private CertificateSummaries() {
    }

    public static CertificateSummary of(ParsedCertificate certificate, boolean trustAnchor) {
        return new CertificateSummary(
                certificate.subject().getName(),
                certificate.issuer().getName(),
                certificate.subjectAltNames(),
                certificate.notBeforeText(),
                certificate.notAfterText(),
                certificate.keyType(),
                certificate.keyBits(),
                certificate.signatureAlgorithmName(),
                certificate.sha256(),
                trustAnchor);
    }
}
