package navemu.cert.jdk;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes root → intermediate → leaf chains for tests, with the knobs the tests turn. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** A key pair and its certificate. */
    record Issued(KeyPair keys, X509Certificate certificate) {
        byte[] der() throws Exception {
            return certificate.getEncoded();
        }
    }

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    static Issued root(String name) throws Exception {
        KeyPair keys = ecKeys();
        return new Issued(keys, build(name, keys, name, keys, true, NOW.minus(Duration.ofDays(365)),
                NOW.plus(Duration.ofDays(3650)), null, true));
    }

    /** A root whose nameConstraints extension (critical) permits only DNS names under {@code permittedDns}. */
    static Issued constrainedRoot(String name, String permittedDns) throws Exception {
        KeyPair keys = ecKeys();
        NameConstraints constraints = new NameConstraints(new GeneralSubtree[] {new GeneralSubtree(dns(permittedDns))}, null);
        return new Issued(keys, build(name, keys, name, keys, true, NOW.minus(Duration.ofDays(365)),
                NOW.plus(Duration.ofDays(3650)), null, true, constraints));
    }

    /** A self-signed server certificate (not a CA), as a user would add to their trust store. */
    static Issued selfSignedLeaf(GeneralName... names) throws Exception {
        KeyPair keys = ecKeys();
        return new Issued(keys, build("CN=self", keys, "CN=self", keys, false, NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(80)), names, false));
    }

    static Issued intermediate(String name, Issued issuer, boolean ca) throws Exception {
        KeyPair keys = ecKeys();
        return new Issued(keys, build(name, keys, subjectOf(issuer), issuer.keys(), ca, NOW.minus(Duration.ofDays(100)),
                NOW.plus(Duration.ofDays(1000)), null, true));
    }

    static Issued leaf(Issued issuer, Instant notBefore, Instant notAfter, GeneralName... names) throws Exception {
        KeyPair keys = ecKeys();
        return new Issued(keys, build("CN=leaf", keys, subjectOf(issuer), issuer.keys(), false, notBefore, notAfter,
                names, false));
    }

    /** A leaf with the given key pair (DSA, another curve…). */
    static Issued leafWithKeys(Issued issuer, KeyPair keys, GeneralName... names) throws Exception {
        return new Issued(keys, build("CN=leaf", keys, subjectOf(issuer), issuer.keys(), false,
                NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80)), names, false));
    }

    static Issued leaf(Issued issuer, GeneralName... names) throws Exception {
        return leaf(issuer, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80)), names);
    }

    static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    static GeneralName ip(String address) throws Exception {
        return new GeneralName(GeneralName.iPAddress, InetAddress.getByName(address).getHostAddress());
    }

    private static String subjectOf(Issued issued) {
        return issued.certificate().getSubjectX500Principal().getName();
    }

    private static X509Certificate build(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                         boolean ca, Instant notBefore, Instant notAfter, GeneralName[] names,
                                         boolean caKeyUsage) throws Exception {
        return build(subject, subjectKeys, issuer, issuerKeys, ca, notBefore, notAfter, names, caKeyUsage, null);
    }

    private static X509Certificate build(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                         boolean ca, Instant notBefore, Instant notAfter, GeneralName[] names,
                                         boolean caKeyUsage, NameConstraints constraints) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (caKeyUsage) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        }
        if (names != null && names.length > 0) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        if (constraints != null) {
            builder.addExtension(Extension.nameConstraints, true, constraints);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    static List<byte[]> ders(Issued... chain) throws Exception {
        List<byte[]> ders = new ArrayList<>();
        for (Issued issued : chain) {
            ders.add(issued.der());
        }
        return ders;
    }
}
