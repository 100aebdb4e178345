package navemu.cert.pkix;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import navemu.api.cert.ValidationRequest;
import navemu.cert.pkix.path.TrustAnchors;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * Certificates made in the test, with Bouncy Castle: a root, an intermediate and a leaf by default,
 * each rule of a test changing one thing.
 */
final class TestPki {
    /** The navigation's clock in every test. */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String HOST = "www.test.example";

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** A certificate and the key that goes with it. */
    record Issued(byte[] der, KeyPair keys, X500Name name) {
        ParsedCertificate parsed() {
            try {
                return ParsedCertificate.parse(der);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static final Provider BC = new BouncyCastleProvider();

    /**
     * A named key, made once per test run: "root", "inter", "leaf" (P-256), "rsa1024…", and by prefix
     * "p192…", "p384…", "p521…" (other curves), "dsa…" (DSA 2048), "ed25519…".
     */
    static KeyPair key(String name) {
        return KEYS.computeIfAbsent(name, n -> {
            if (n.startsWith("rsa")) {
                return rsa(Integer.parseInt(n.substring(3).replaceAll("\\D.*", "")));
            }
            if (n.startsWith("p192")) {
                return ec("secp192r1");
            }
            if (n.startsWith("p384")) {
                return ec("secp384r1");
            }
            if (n.startsWith("p521")) {
                return ec("secp521r1");
            }
            if (n.startsWith("dsa")) {
                return generate("DSA", 2048);
            }
            if (n.startsWith("ed25519")) {
                return generate("Ed25519", 0);
            }
            return ec("secp256r1");
        });
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, BC);
            if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Spec cert(String cn) {
        return new Spec(cn);
    }

    static Spec root(String cn) {
        return new Spec(cn).ca(null).key(cn);
    }

    static Spec intermediate(String cn, Issued issuer) {
        return new Spec(cn).ca(null).key(cn).issuer(issuer);
    }

    static Spec leaf(String host, Issued issuer) {
        return new Spec(host).key("leaf").issuer(issuer).dns(host)
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment).eku(KeyPurposeId.id_kp_serverAuth);
    }

    /** The default good hierarchy: a root, an intermediate under it, a leaf for {@link #HOST}. */
    static final class Hierarchy {
        final Issued root = root("Test Root").issue();
        final Issued inter = intermediate("Test Intermediate", root).pathLen(0).issue();
        final Issued leaf = leaf(HOST, inter).issue();
    }

    static TrustAnchors anchors(Issued... roots) {
        List<ParsedCertificate> parsed = new ArrayList<>();
        for (Issued root : roots) {
            parsed.add(root.parsed());
        }
        return TrustAnchors.of(parsed, "test anchors");
    }

    static PkixValidator validator(Issued... roots) {
        TrustAnchors anchors = anchors(roots);
        return new PkixValidator(() -> anchors);
    }

    static ValidationRequest request(String host, Issued... chain) {
        return request(host, null, chain);
    }

    static ValidationRequest request(String host, byte[] ocsp, Issued... chain) {
        List<byte[]> ders = new ArrayList<>();
        for (Issued issued : chain) {
            ders.add(issued.der());
        }
        return new ValidationRequest(ders, host, NOW, "ECDHE", ocsp);
    }

    static final class Spec {
        private X500Name name;
        private String keyName = "leaf";
        private Issued issuer;
        private Instant notBefore = NOW.minus(Duration.ofDays(30));
        private Instant notAfter = NOW.plus(Duration.ofDays(60));
        private boolean ca;
        private Integer pathLen;
        private Integer keyUsage;
        private KeyPurposeId[] eku;
        private final List<GeneralName> san = new ArrayList<>();
        private final List<GeneralSubtree> permitted = new ArrayList<>();
        private final List<GeneralSubtree> excluded = new ArrayList<>();
        private boolean nameConstraintsCritical = true;
        private ASN1Encodable rawNameConstraints;
        private String signatureAlgorithm;
        private ASN1ObjectIdentifier criticalExtension;

        Spec(String cn) {
            this.name = new X500Name("CN=" + cn);
        }

        /** The whole subject, as {@code O=Good,CN=www.test.example} (first RDN first). */
        Spec subject(String dn) {
            this.name = new X500Name(dn);
            return this;
        }

        /** Any subjectAltName entry: rfc822Name, URI, directoryName… */
        Spec san(GeneralName entry) {
            san.add(entry);
            return this;
        }

        Spec permit(GeneralName base) {
            permitted.add(new GeneralSubtree(base));
            return this;
        }

        Spec exclude(GeneralName base) {
            excluded.add(new GeneralSubtree(base));
            return this;
        }

        Spec nameConstraintsCritical(boolean critical) {
            this.nameConstraintsCritical = critical;
            return this;
        }

        /** The nameConstraints value exactly as given, even one a CA must not issue. */
        Spec rawNameConstraints(ASN1Encodable value) {
            this.rawNameConstraints = value;
            return this;
        }

        Spec key(String keyName) {
            this.keyName = keyName;
            return this;
        }

        Spec issuer(Issued issuer) {
            this.issuer = issuer;
            return this;
        }

        Spec validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        Spec ca(Integer pathLen) {
            this.ca = true;
            this.pathLen = pathLen;
            this.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
            return this;
        }

        Spec notCa() {
            this.ca = false;
            return this;
        }

        Spec pathLen(int pathLen) {
            this.pathLen = pathLen;
            return this;
        }

        Spec keyUsage(Integer keyUsage) {
            this.keyUsage = keyUsage;
            return this;
        }

        Spec eku(KeyPurposeId... eku) {
            this.eku = eku;
            return this;
        }

        Spec noSan() {
            san.clear();
            return this;
        }

        Spec dns(String... names) {
            for (String n : names) {
                san.add(new GeneralName(GeneralName.dNSName, n));
            }
            return this;
        }

        Spec ip(String... addresses) {
            for (String a : addresses) {
                san.add(new GeneralName(GeneralName.iPAddress, a));
            }
            return this;
        }

        Spec permitDns(String constraint) {
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, constraint)));
            return this;
        }

        Spec excludeDns(String constraint) {
            excluded.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, constraint)));
            return this;
        }

        /** {@code 10.0.0.0/8} style. */
        Spec permitIp(String cidr) {
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, cidr)));
            return this;
        }

        Spec signatureAlgorithm(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        Spec criticalExtension(String oid) {
            this.criticalExtension = new ASN1ObjectIdentifier(oid);
            return this;
        }

        Issued issue() {
            try {
                KeyPair keys = TestPki.key(keyName);
                KeyPair signer = issuer == null ? keys : issuer.keys();
                X500Name issuerName = issuer == null ? name : issuer.name();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                        name, keys.getPublic());
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(signer.getPublic()));
                if (ca) {
                    builder.addExtension(Extension.basicConstraints, true,
                            pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen));
                } else {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (eku != null) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
                }
                if (!san.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(san.toArray(new GeneralName[0])));
                }
                if (rawNameConstraints != null) {
                    builder.addExtension(Extension.nameConstraints, true, rawNameConstraints);
                } else if (!permitted.isEmpty() || !excluded.isEmpty()) {
                    builder.addExtension(Extension.nameConstraints, nameConstraintsCritical, new NameConstraints(
                            permitted.isEmpty() ? null : permitted.toArray(new GeneralSubtree[0]),
                            excluded.isEmpty() ? null : excluded.toArray(new GeneralSubtree[0])));
                }
                if (criticalExtension != null) {
                    builder.addExtension(criticalExtension, true, DERNull.INSTANCE);
                }
                String algorithm = signatureAlgorithm != null ? signatureAlgorithm : switch (signer.getPrivate().getAlgorithm()) {
                    case "RSA" -> "SHA256withRSA";
                    case "DSA" -> "SHA256withDSA";
                    case "Ed25519" -> "Ed25519";
                    default -> "SHA256withECDSA";
                };
                X509CertificateHolder holder = builder.build(
                        new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signer.getPrivate()));
                return new Issued(holder.getEncoded(), keys, name);
            } catch (Exception e) {
                throw new AssertionError("cannot make the test certificate " + name + ": " + e, e);
            }
        }
    }

    static byte[] ipBytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private TestPki() {
    }
}
