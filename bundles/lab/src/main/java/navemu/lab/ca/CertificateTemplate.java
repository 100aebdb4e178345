package navemu.lab.ca;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Everything that goes into one certificate the lab issues (RFC 5280 §4.1).
 *
 * @param commonName            the subject's CN
 * @param subjectPublicKey      the key being certified
 * @param issuer                the issuing certificate, or null for a self-signed one
 * @param issuerKey             the key that signs (the subject's own key when self-signed)
 * @param notBefore             start of validity
 * @param notAfter              end of validity
 * @param certificateAuthority  basicConstraints cA=TRUE (§4.2.1.9)
 * @param pathLength            pathLenConstraint, or -1 for none
 * @param dnsNames              subjectAltName dNSName entries (§4.2.1.6); empty: no SAN extension
 * @param serverAuth            extendedKeyUsage id-kp-serverAuth, else id-kp-clientAuth (leaves only)
 * @param permittedDnsSubtree   nameConstraints permitted dNSName subtree (§4.2.1.10), or null
 * @param sha1Signature         sign with SHA-1 instead of SHA-256 (a deliberately weak profile)
 */
public record CertificateTemplate(
        String commonName,
        PublicKey subjectPublicKey,
        X509Certificate issuer,
        PrivateKey issuerKey,
        Instant notBefore,
        Instant notAfter,
        boolean certificateAuthority,
        int pathLength,
        List<String> dnsNames,
        boolean serverAuth,
        String permittedDnsSubtree,
        boolean sha1Signature) {

    public CertificateTemplate {
        dnsNames = List.copyOf(dnsNames);
    }
}
