package navemu.cert.pkix.x509;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * One X.509 certificate, parsed once: the JDK's {@link X509Certificate} for its key and signature,
 * Bouncy Castle's ASN.1 model for the extensions (RFC 5280 §4.2), and the facts the checks ask for.
 *
 * <p>An extension that is present but cannot be decoded is a parse error: a certificate whose
 * constraints cannot be read cannot be trusted to respect them.
 */
public final class ParsedCertificate {
    private final byte[] der;
    private final X509Certificate x509;
    private final Certificate asn1;
    private final String sha256;
    private final String displayName;
    private final List<String> dnsNames = new ArrayList<>();
    private final List<byte[]> ipAddresses = new ArrayList<>();
    private final List<String> rfc822Names = new ArrayList<>();
    private final List<X500Name> directoryNames = new ArrayList<>();
    private final Set<Integer> sanForms = new TreeSet<>();
    private final List<String> sanDisplay = new ArrayList<>();
    private final BasicConstraints basicConstraints;
    private final KeyUsage keyUsage;
    private final ExtendedKeyUsage extendedKeyUsage;
    private final ConstraintSubtrees nameConstraints;
    private final byte[] subjectKeyId;
    private final byte[] authorityKeyId;
    private final byte[] identity;
    // What the JDK's X509Certificate getters return, read once: each call re-reads (and copies)
    // its fields, and a warm validation asks for them many times (see ParsedCertificateTest).
    private final X500Principal subject;
    private final X500Principal issuer;
    private final PublicKey publicKey;
    private final byte[] subjectPublicKeyInfo;
    private final Instant notBefore;
    private final Instant notAfter;
    private final String notBeforeText;
    private final String notAfterText;
    private final Set<String> criticalExtensionOids;
    private final String signatureAlgorithmName;

    private ParsedCertificate(byte[] der, X509Certificate x509, Certificate asn1) throws CertificateParseException {
        this.der = der;
        this.x509 = x509;
        this.asn1 = asn1;
        this.sha256 = sha256Hex(der);
        this.subject = x509.getSubjectX500Principal();
        this.issuer = x509.getIssuerX500Principal();
        this.publicKey = x509.getPublicKey();
        this.subjectPublicKeyInfo = publicKey.getEncoded();
        this.notBefore = x509.getNotBefore().toInstant();
        this.notAfter = x509.getNotAfter().toInstant();
        this.notBeforeText = notBefore.toString();
        this.notAfterText = notAfter.toString();
        Set<String> critical = x509.getCriticalExtensionOIDs();
        this.criticalExtensionOids = critical == null ? Set.of() : Set.copyOf(critical);
        this.signatureAlgorithmName = x509.getSigAlgName();
        this.displayName = displayNameOf(asn1.getSubject());
        Extensions extensions = asn1.getTBSCertificate().getExtensions();
        try {
            GeneralNames san = extensions == null ? null : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (san != null) {
                readSubjectAltNames(san);
            }
            basicConstraints = extensions == null ? null : BasicConstraints.fromExtensions(extensions);
            keyUsage = extensions == null ? null : KeyUsage.fromExtensions(extensions);
            extendedKeyUsage = extensions == null ? null : ExtendedKeyUsage.fromExtensions(extensions);
            Extension nc = extensions == null ? null : extensions.getExtension(Extension.nameConstraints);
            nameConstraints = nc == null ? null : ConstraintSubtrees.decode(nc.getParsedValue(), nc.isCritical());
            SubjectKeyIdentifier ski = extensions == null ? null : SubjectKeyIdentifier.fromExtensions(extensions);
            subjectKeyId = ski == null ? null : ski.getKeyIdentifier();
            AuthorityKeyIdentifier aki = extensions == null ? null : AuthorityKeyIdentifier.fromExtensions(extensions);
            authorityKeyId = aki == null ? null : aki.getKeyIdentifier();
        } catch (RuntimeException e) {
            throw new CertificateParseException("an extension of " + displayName + " cannot be decoded: " + e.getMessage(), e);
        }
        byte[] subjectDer = subject.getEncoded();
        identity = new byte[subjectDer.length + subjectPublicKeyInfo.length];
        System.arraycopy(subjectDer, 0, identity, 0, subjectDer.length);
        System.arraycopy(subjectPublicKeyInfo, 0, identity, subjectDer.length, subjectPublicKeyInfo.length);
    }

    /**
     * Parses one DER certificate.
     *
     * @throws CertificateParseException with a message for a person when the bytes are not one
     *                                   well-formed certificate (trailing bytes included)
     */
    public static ParsedCertificate parse(byte[] der) throws CertificateParseException {
        if (der == null || der.length == 0) {
            throw new CertificateParseException("the certificate is empty (0 bytes)", null);
        }
        X509Certificate x509;
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            x509 = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateParseException("not a DER X.509 certificate (" + der.length + " bytes): "
                    + firstLine(e), e);
        }
        Certificate asn1;
        try {
            byte[] encoded = x509.getEncoded();
            if (!Arrays.equals(encoded, der)) {
                throw new CertificateParseException("the certificate is followed by " + (der.length - encoded.length)
                        + " bytes that are not part of it, or is not in DER form", null);
            }
            asn1 = Certificate.getInstance(der);
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateParseException("not a DER X.509 certificate: " + firstLine(e), e);
        }
        return new ParsedCertificate(der, x509, asn1);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private void readSubjectAltNames(GeneralNames san) {
        for (GeneralName name : san.getNames()) {
            sanForms.add(name.getTagNo());
            switch (name.getTagNo()) {
                case GeneralName.dNSName -> {
                    String dns = name.getName().toString();
                    dnsNames.add(dns);
                    sanDisplay.add("DNS:" + dns);
                }
                case GeneralName.iPAddress -> {
                    byte[] ip = org.bouncycastle.asn1.ASN1OctetString.getInstance(name.getName()).getOctets();
                    ipAddresses.add(ip);
                    sanDisplay.add("IP:" + IpAddresses.format(ip));
                }
                case GeneralName.rfc822Name -> {
                    rfc822Names.add(name.getName().toString());
                    sanDisplay.add(GeneralNameLabels.label(name));
                }
                case GeneralName.directoryName -> {
                    directoryNames.add(X500Name.getInstance(name.getName()));
                    sanDisplay.add(GeneralNameLabels.label(name));
                }
                default -> sanDisplay.add(GeneralNameLabels.label(name));
            }
        }
    }

    private static String displayNameOf(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        if (cn.length > 0) {
            return "CN=" + IETFUtils.valueToString(cn[0].getFirst().getValue());
        }
        String full = name.toString();
        return full.isEmpty() ? "(empty subject)" : full;
    }

    private static String sha256Hex(byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public byte[] der() {
        return der;
    }

    public X509Certificate x509() {
        return x509;
    }

    public Certificate asn1() {
        return asn1;
    }

    /** SHA-256 of the DER, colon-separated upper-case hex, as certificate viewers show it. */
    public String sha256() {
        return sha256;
    }

    /** The subject's CN, or the whole subject when it has none. */
    public String displayName() {
        return displayName;
    }

    public X500Principal subject() {
        return subject;
    }

    public X500Principal issuer() {
        return issuer;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The encoded SubjectPublicKeyInfo ({@code publicKey().getEncoded()}); the caller must not change it. */
    public byte[] subjectPublicKeyInfoDer() {
        return subjectPublicKeyInfo;
    }

    public BigInteger serialNumber() {
        return x509.getSerialNumber();
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** {@code notBefore().toString()}, made once. */
    public String notBeforeText() {
        return notBeforeText;
    }

    /** {@code notAfter().toString()}, made once. */
    public String notAfterText() {
        return notAfterText;
    }

    /** RFC 5280 §6.1: a certificate is self-issued when subject and issuer are the same name. */
    public boolean isSelfIssued() {
        return subject().equals(issuer());
    }

    /** subjectAltName dNSName entries, as written in the certificate. */
    public List<String> dnsNames() {
        return dnsNames;
    }

    /** subjectAltName iPAddress entries: 4 or 16 bytes each. */
    public List<byte[]> ipAddresses() {
        return ipAddresses;
    }

    /** subjectAltName rfc822Name entries (mail addresses), as written. */
    public List<String> rfc822Names() {
        return rfc822Names;
    }

    /** subjectAltName directoryName entries. */
    public List<X500Name> directoryNames() {
        return directoryNames;
    }

    /** The GeneralName tags ({@link GeneralName#dNSName}…) that occur in subjectAltName; empty without one. */
    public Set<Integer> subjectAltNameForms() {
        return sanForms;
    }

    /** True when the certificate has a subjectAltName extension. */
    public boolean hasSubjectAltName() {
        return !sanForms.isEmpty();
    }

    /** The subject as an ASN.1 Name, for directoryName constraints (RFC 5280 §4.2.1.10). */
    public X500Name subjectName() {
        return asn1.getSubject();
    }

    /** The subject's emailAddress attributes (PKCS #9), which rfc822Name constraints bind when there is no subjectAltName. */
    public List<String> subjectEmailAddresses() {
        List<String> emails = new ArrayList<>();
        for (RDN rdn : asn1.getSubject().getRDNs(PKCSObjectIdentifiers.pkcs_9_at_emailAddress)) {
            for (org.bouncycastle.asn1.x500.AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getType().equals(PKCSObjectIdentifiers.pkcs_9_at_emailAddress)) {
                    emails.add(IETFUtils.valueToString(value.getValue()));
                }
            }
        }
        return emails;
    }

    /** The subjectPublicKeyInfo as written: the key's algorithm, its parameters (the curve) and the key. */
    public SubjectPublicKeyInfo subjectPublicKeyInfo() {
        return asn1.getSubjectPublicKeyInfo();
    }

    /**
     * Every subjectAltName entry, typed: {@code DNS:www.lab.test}, {@code IP:127.0.0.1}. Read-only:
     * it goes into the certificate summaries of verdicts, which the verdict cache hands out again.
     */
    public List<String> subjectAltNames() {
        return java.util.Collections.unmodifiableList(sanDisplay);
    }

    /** Null when the extension is absent. */
    public BasicConstraints basicConstraints() {
        return basicConstraints;
    }

    /** Null when the extension is absent. */
    public KeyUsage keyUsage() {
        return keyUsage;
    }

    /** Null when the extension is absent. */
    public ExtendedKeyUsage extendedKeyUsage() {
        return extendedKeyUsage;
    }

    public boolean hasExtendedKeyUsage(KeyPurposeId purpose) {
        return extendedKeyUsage != null && extendedKeyUsage.hasKeyPurposeId(purpose);
    }

    /** Null when the extension is absent. */
    public ConstraintSubtrees nameConstraints() {
        return nameConstraints;
    }

    public byte[] subjectKeyId() {
        return subjectKeyId;
    }

    public byte[] authorityKeyId() {
        return authorityKeyId;
    }

    public Set<String> criticalExtensionOids() {
        return criticalExtensionOids;
    }

    public ASN1ObjectIdentifier signatureAlgorithmOid() {
        return asn1.getSignatureAlgorithm().getAlgorithm();
    }

    /** The JDK's name for the signature algorithm: {@code SHA256withRSA}, {@code SHA256withECDSA}. */
    public String signatureAlgorithmName() {
        return signatureAlgorithmName;
    }

    /** {@code RSA}, {@code EC}, {@code Ed25519}… */
    public String keyType() {
        PublicKey key = publicKey();
        if (key instanceof java.security.interfaces.EdECKey ed) {
            return ed.getParams().getName();
        }
        return key.getAlgorithm();
    }

    /** The key's size in bits as certificate viewers show it: RSA modulus, EC field size. */
    public int keyBits() {
        PublicKey key = publicKey();
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        if (key instanceof DSAPublicKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        return switch (key.getAlgorithm()) {
            case "Ed25519", "EdDSA", "X25519" -> 256;
            case "Ed448", "X448" -> 456;
            default -> 0;
        };
    }

    /** True when both certificates have the same subject and the same key (the same CA, maybe re-issued). */
    public boolean sameIdentity(ParsedCertificate other) {
        return Arrays.equals(identity, other.identity);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
