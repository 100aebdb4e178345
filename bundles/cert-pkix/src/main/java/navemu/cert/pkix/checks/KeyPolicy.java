package navemu.cert.pkix.checks;

import java.math.BigInteger;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * Browser policy for the public key of every certificate in a path, leaf and CAs alike
 * (CA/B Forum BR §6.1.5: RSA and ECDSA keys only).
 *
 * <p>Allowed, as Chromium's verifier allows ({@code SimplePathBuilderDelegate::IsPublicKeyAcceptable}
 * with Chromium's 2048-bit minimum): RSA with a modulus of 2048 to 16384 bits and an odd public
 * exponent of at most 33 bits (BoringSSL's bounds on an RSA public key), and ECDSA on the named
 * curves P-256, P-384 and P-521. Everything else is refused: P-192 and other curves, curves given
 * by explicit parameters, DSA, Ed25519, RSASSA-PSS keys. Chromium reports a refused key as
 * CERT_STATUS_WEAK_KEY (ERR_CERT_WEAK_KEY).
 *
 * <p>The upper bounds also bound the work a peer can make us spend: a signature is never verified
 * with a key this policy refuses (see {@link PathChecks}).
 */
public final class KeyPolicy {
    private KeyPolicy() {
    }

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 16384;
    static final int MAX_RSA_EXPONENT_BITS = 33;

    private static final ASN1ObjectIdentifier RSA = new ASN1ObjectIdentifier("1.2.840.113549.1.1.1");
    private static final ASN1ObjectIdentifier EC = new ASN1ObjectIdentifier("1.2.840.10045.2.1");

    private static final Map<String, String> ALLOWED_CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384",
            "1.3.132.0.35", "P-521");

    private static final Map<String, String> OTHER_KEYS = Map.of(
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.2.840.113549.1.1.10", "RSASSA-PSS");

    /** Adds the policy's finding for the certificate's key. */
    public static void check(ParsedCertificate certificate, String label, Findings out) {
        Verdict verdict = judge(certificate);
        if (verdict.refusal() == null) {
            out.pass(label, Rules.WEAK_KEY, verdict.description());
        } else {
            out.fail(label, Rules.WEAK_KEY, CertStatus.WEAK_KEY, verdict.description() + " " + verdict.refusal());
        }
    }

    /** True when the policy allows the key, so that a signature may be verified with it. */
    public static boolean allows(ParsedCertificate certificate) {
        return judge(certificate).refusal() == null;
    }

    /** What the key is ({@code RSA 2048 bits}, {@code EC P-256}) and why it is refused, or null. */
    private record Verdict(String description, String refusal) {
    }

    private static Verdict judge(ParsedCertificate certificate) {
        SubjectPublicKeyInfo spki = certificate.subjectPublicKeyInfo();
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        if (algorithm.equals(RSA)) {
            return rsa(spki);
        }
        if (algorithm.equals(EC)) {
            return ec(spki);
        }
        String name = OTHER_KEYS.getOrDefault(algorithm.getId(), "key algorithm " + algorithm.getId());
        return new Verdict(name + " key", "is not allowed: browsers accept only RSA and ECDSA keys (BR §6.1.5)");
    }

    private static Verdict rsa(SubjectPublicKeyInfo spki) {
        RSAPublicKey key;
        try {
            key = RSAPublicKey.getInstance(spki.parsePublicKey());
        } catch (Exception e) {
            return new Verdict("RSA key", "cannot be decoded");
        }
        int bits = key.getModulus().bitLength();
        BigInteger exponent = key.getPublicExponent();
        String description = "RSA " + bits + " bits";
        if (bits < MIN_RSA_BITS) {
            return new Verdict(description, "is under " + MIN_RSA_BITS + " bits");
        }
        if (bits > MAX_RSA_BITS) {
            return new Verdict(description, "is over " + MAX_RSA_BITS + " bits, more than browsers accept");
        }
        if (exponent.bitLength() > MAX_RSA_EXPONENT_BITS || exponent.compareTo(BigInteger.ONE) <= 0 || !exponent.testBit(0)) {
            return new Verdict(description, "has the public exponent " + shorten(exponent)
                    + ", not an odd number of at most " + MAX_RSA_EXPONENT_BITS + " bits as browsers require");
        }
        return new Verdict(description, null);
    }

    private static Verdict ec(SubjectPublicKeyInfo spki) {
        if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
            return new Verdict("EC key", "has explicit curve parameters instead of a named curve (RFC 5480 §2.1.1)");
        }
        String allowed = ALLOWED_CURVES.get(curve.getId());
        if (allowed != null) {
            return new Verdict("EC " + allowed, null);
        }
        String name = ECNamedCurveTable.getName(curve);
        return new Verdict("EC " + (name == null ? curve.getId() : name),
                "is on a curve browsers do not accept (only P-256, P-384 and P-521)");
    }

    private static String shorten(BigInteger exponent) {
        String text = exponent.toString();
        return text.length() <= 20 ? text : "of " + exponent.bitLength() + " bits";
    }
}
