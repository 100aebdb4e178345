package navemu.api.result;

import java.util.List;

/** One certificate as a browser's certificate viewer shows it. */
public record CertificateSummary(String subject, String issuer, List<String> san, String notBefore,
                                 String notAfter, String keyType, int keyBits, String signatureAlgorithm,
                                 String sha256, boolean trustAnchor) {
}
