package navemu.lab.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Turns a {@link CertificateTemplate} into a signed X.509 v3 certificate with Bouncy Castle's bcpkix. */
public final class CertificateMaker {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMaker() {
    }

    public static X509Certificate issue(CertificateTemplate t) {
        try {
            X500Name subject = name(t.commonName());
            X500Name issuer = t.issuer() == null ? subject
                    : X500Name.getInstance(t.issuer().getSubjectX500Principal().getEncoded());
            // RFC 5280 §4.1.2.2: positive, unique per issuer, at most 20 octets.
            BigInteger serial = new BigInteger(64, RANDOM).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(t.notBefore()), Date.from(t.notAfter()), subject, t.subjectPublicKey());
            addExtensions(builder, t);
            ContentSigner signer = new JcaContentSignerBuilder(
                    KeyType.signatureAlgorithmFor(t.issuerKey(), t.sha1Signature())).build(t.issuerKey());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot issue the certificate for " + t.commonName() + ": " + e.getMessage(), e);
        }
    }

    private static void addExtensions(X509v3CertificateBuilder builder, CertificateTemplate t)
            throws CertIOException, GeneralSecurityException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(t.subjectPublicKey()));
        if (t.issuer() != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(t.issuer()));
        }
        if (t.certificateAuthority()) {
            BasicConstraints constraints = t.pathLength() >= 0 ? new BasicConstraints(t.pathLength()) : new BasicConstraints(true);
            builder.addExtension(Extension.basicConstraints, true, constraints);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        } else {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // RSA keys may also be used for RSA key exchange (TLS 1.2 TLS_RSA_* suites): keyEncipherment.
            int usage = KeyUsage.digitalSignature;
            if (t.subjectPublicKey().getAlgorithm().equals("RSA")) {
                usage |= KeyUsage.keyEncipherment;
            }
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(t.serverAuth() ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        }
        if (!t.dnsNames().isEmpty()) {
            GeneralName[] names = t.dnsNames().stream()
                    .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        if (t.permittedDnsSubtree() != null) {
            GeneralSubtree permitted = new GeneralSubtree(new GeneralName(GeneralName.dNSName, t.permittedDnsSubtree()));
            builder.addExtension(Extension.nameConstraints, true,
                    new NameConstraints(new GeneralSubtree[] {permitted}, null));
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "navemu lab")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
