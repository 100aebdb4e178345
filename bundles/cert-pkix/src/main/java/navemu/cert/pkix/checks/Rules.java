package navemu.cert.pkix.checks;

/** The names of the rules, as they appear in checks and problems, each with the text that states it. */
public final class Rules {
    private Rules() {
    }

    public static final String SIGNATURE = "signature (RFC 5280 §6.1.3 (a)(1))";
    public static final String TRUST_ANCHOR = "path to a trust anchor (RFC 5280 §6.1)";
    public static final String VALIDITY = "validity (RFC 5280 §4.1.2.5)";
    public static final String CRITICAL_EXTENSIONS = "critical extensions (RFC 5280 §4.2)";
    public static final String BASIC_CONSTRAINTS = "basicConstraints cA (RFC 5280 §4.2.1.9)";
    public static final String PATH_LEN = "pathLenConstraint (RFC 5280 §4.2.1.9)";
    public static final String KEY_USAGE = "keyUsage (RFC 5280 §4.2.1.3)";
    public static final String EXTENDED_KEY_USAGE = "extendedKeyUsage serverAuth (RFC 5280 §4.2.1.12)";
    public static final String NAME_CONSTRAINTS = "name constraints (RFC 5280 §4.2.1.10)";
    public static final String HOST_NAME = "host name (RFC 6125 §6.4, CA/B Forum BR §7.1.4.2.1)";
    public static final String WEAK_SIGNATURE = "signature algorithm (browser policy: no SHA-1 or MD5)";
    public static final String WEAK_KEY = "public key (browser policy, CA/B Forum BR §6.1.5: RSA of 2048 bits or more, ECDSA on P-256, P-384 or P-521)";
    public static final String VALIDITY_PERIOD = "validity period (browser policy: at most 398 days when issued since 2020-09-01)";
    public static final String STAPLED_OCSP = "stapled OCSP response (RFC 6960, RFC 6066 §8)";
    public static final String DER = "DER encoding (RFC 5280 §4.1)";
}
