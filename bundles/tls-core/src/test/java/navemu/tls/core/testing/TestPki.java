package navemu.tls.core.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A tiny CA made in the test: one root, one leaf for {@link #HOST}, RSA or ECDSA. */
public final class TestPki {
    public static final String HOST = "server.test";

    public enum KeyType { RSA, ECDSA;

        /** Ed25519 is made on request only (by {@link TestPki#createEd25519()}), not in every test matrix. */
        static final String ED25519 = "Ed25519";
    }

    public final KeyType keyType;
    public final X509Certificate root;
    public final X509Certificate leaf;
    public final KeyPair leafKeys;
    public final KeyPair rootKeys;

    private TestPki(KeyType keyType, X509Certificate root, X509Certificate leaf, KeyPair leafKeys, KeyPair rootKeys) {
        this.keyType = keyType;
        this.rootKeys = rootKeys;
        this.root = root;
        this.leaf = leaf;
        this.leafKeys = leafKeys;
    }

    public static TestPki create(KeyType leafType) {
        return create(leafType, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    /** An Ed25519 leaf under an ECDSA root (RFC 8446 §4.2.3 ed25519). */
    public static TestPki createEd25519() {
        return create(null, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    /** An ECDSA leaf on P-384 (keyType ECDSA) under the usual root. */
    public static TestPki createEcdsaP384() {
        return createEcdsa("secp384r1");
    }

    /** An ECDSA leaf on the named curve (keyType ECDSA), e.g. {@code secp521r1}, under the usual root. */
    public static TestPki createEcdsa(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return create(KeyType.ECDSA, g.generateKeyPair(), Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a " + curve + " key", e);
        }
    }

    public static TestPki create(KeyType leafType, Instant notBefore, Instant notAfter) {
        try {
            return create(leafType, generate(leafType), notBefore, notAfter);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make test certificates", e);
        }
    }

    private static TestPki create(KeyType leafType, KeyPair leafKeys, Instant notBefore, Instant notAfter) {
        try {
            KeyPair rootKeys = generate(KeyType.ECDSA);
            X500Name rootName = new X500Name("CN=navemu test root");
            X509v3CertificateBuilder rb = new JcaX509v3CertificateBuilder(rootName, BigInteger.ONE,
                    Date.from(Instant.now().minus(Duration.ofDays(2))), Date.from(Instant.now().plus(Duration.ofDays(365))),
                    rootName, rootKeys.getPublic());
            rb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            rb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate root = convert(rb, rootKeys.getPrivate());

            X509v3CertificateBuilder lb = new JcaX509v3CertificateBuilder(rootName, BigInteger.valueOf(System.nanoTime()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + HOST), leafKeys.getPublic());
            lb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, HOST)));
            lb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            X509Certificate leaf = convert(lb, rootKeys.getPrivate());
            return new TestPki(leafType, root, leaf, leafKeys, rootKeys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make test certificates", e);
        }
    }

    /** A DER OCSPResponse from the root saying the leaf is good, as a server would staple it. */
    public byte[] ocspResponseGood() throws Exception {
        var digests = new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
        var sha1 = digests.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1);
        var id = new org.bouncycastle.cert.ocsp.CertificateID(sha1,
                new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(root), leaf.getSerialNumber());
        var builder = new org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder(root.getPublicKey(), sha1);
        builder.addResponse(id, org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
        var basic = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate()), null, new Date());
        return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    /** A key manager factory of the given JSSE provider, holding the leaf and the root. */
    public KeyManagerFactory keyManagers(java.security.Provider provider) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", leafKeys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {leaf, root});
        KeyManagerFactory kmf = provider == null ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
                : KeyManagerFactory.getInstance("PKIX", provider);
        kmf.init(ks, "pw".toCharArray());
        return kmf;
    }

    private static KeyPair generate(KeyType type) throws Exception {
        if (type == null) {
            return KeyPairGenerator.getInstance(KeyType.ED25519).generateKeyPair();
        }
        if (type == KeyType.RSA) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate convert(X509v3CertificateBuilder b, PrivateKey signer) throws Exception {
        String alg = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(signer)));
    }
}
