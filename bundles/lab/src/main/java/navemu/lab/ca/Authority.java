package navemu.lab.ca;

import java.time.Duration;

/**
 * The certificate authorities of the lab. {@link #ROOT} is the trust anchor navemu trusts; the
 * others exist to make particular sites fail the way a misconfigured CA would.
 */
public enum Authority {
    ROOT("lab-root", "navemu Lab Root CA", null, false, null),
    INTERMEDIATE("lab-intermediate", "navemu Lab Intermediate CA", ROOT, false, null),
    /** Signed by the root with ecdsa-with-SHA1: browsers reject SHA-1 anywhere but the anchor. */
    SHA1_INTERMEDIATE("lab-sha1-intermediate", "navemu Lab SHA-1 Intermediate CA", ROOT, true, null),
    /** RFC 5280 §4.2.1.10: may only issue for names under {@value #CONSTRAINED_TO}. */
    CONSTRAINED_INTERMEDIATE("lab-constrained-intermediate", "navemu Lab Intermediate CA for " + Authority.CONSTRAINED_TO,
            ROOT, false, Authority.CONSTRAINED_TO),
    /** A root of its own that nobody trusts. */
    UNTRUSTED_ROOT("untrusted-root", "navemu Untrusted Root CA", null, false, null);

    /** The only domain the constrained intermediate may issue for (RFC 2606 reserved). */
    public static final String CONSTRAINED_TO = "constrained.example";

    static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    static final Duration INTERMEDIATE_VALIDITY = Duration.ofDays(1825);
    /** An authority this close to its notAfter is made again, so its leaves never outlive it. */
    static final Duration RENEW_BEFORE = Duration.ofDays(120);

    private final String fileStem;
    private final String commonName;
    private final Authority issuer;
    private final boolean sha1Signature;
    private final String permittedDnsSubtree;

    Authority(String fileStem, String commonName, Authority issuer, boolean sha1Signature, String permittedDnsSubtree) {
        this.fileStem = fileStem;
        this.commonName = commonName;
        this.issuer = issuer;
        this.sha1Signature = sha1Signature;
        this.permittedDnsSubtree = permittedDnsSubtree;
    }

    String fileName() {
        return fileStem + ".pem";
    }

    String commonName() {
        return commonName;
    }

    /** Null for a root (self-signed). */
    Authority issuer() {
        return issuer;
    }

    boolean sha1Signature() {
        return sha1Signature;
    }

    String permittedDnsSubtree() {
        return permittedDnsSubtree;
    }

    Duration validity() {
        return issuer == null ? ROOT_VALIDITY : INTERMEDIATE_VALIDITY;
    }
}
