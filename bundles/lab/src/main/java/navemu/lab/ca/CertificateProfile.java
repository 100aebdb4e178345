package navemu.lab.ca;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a site's certificate is made: its key, its issuer, its validity, its extensions and what
 * the server sends. Sites name a profile in {@code config/lab/sites.conf}.
 */
public enum CertificateProfile {
    EC_P256(KeyType.EC_P256, Authority.INTERMEDIATE, Validity.CURRENT, true, true, true),
    RSA_2048(KeyType.RSA_2048, Authority.INTERMEDIATE, Validity.CURRENT, true, true, true),
    RSA_4096(KeyType.RSA_4096, Authority.INTERMEDIATE, Validity.CURRENT, true, true, true),
    /** Browsers reject RSA keys under 2048 bits (CA/B Forum Baseline Requirements §6.1.5). */
    RSA_1024(KeyType.RSA_1024, Authority.INTERMEDIATE, Validity.CURRENT, true, true, true),
    EXPIRED(KeyType.EC_P256, Authority.INTERMEDIATE, Validity.EXPIRED, true, true, true),
    NOT_YET_VALID(KeyType.EC_P256, Authority.INTERMEDIATE, Validity.NOT_YET_VALID, true, true, true),
    /** The leaf signs itself; the server sends only the leaf. */
    SELF_SIGNED(KeyType.EC_P256, null, Validity.CURRENT, true, true, false),
    /** Issued by a root that is not a trust anchor; the server sends the leaf and that root. */
    UNTRUSTED_ROOT(KeyType.EC_P256, Authority.UNTRUSTED_ROOT, Validity.CURRENT, true, true, true),
    /** A good leaf, but the server forgets to send the intermediate (and the leaf has no AIA to fetch it). */
    INCOMPLETE_CHAIN(KeyType.EC_P256, Authority.INTERMEDIATE, Validity.CURRENT, true, true, false),
    /** Subject CN only, no subjectAltName: browsers no longer fall back to the CN (RFC 6125 §6.4.4). */
    NO_SAN(KeyType.EC_P256, Authority.INTERMEDIATE, Validity.CURRENT, false, true, true),
    SHA1_INTERMEDIATE(KeyType.EC_P256, Authority.SHA1_INTERMEDIATE, Validity.CURRENT, true, true, true),
    /** Over 398 days, issued after 2020-09-01 (CA/B Forum BR §6.3.2; Chromium's limit). */
    LONG_VALIDITY(KeyType.EC_P256, Authority.INTERMEDIATE, Validity.LONG, true, true, true),
    NAME_CONSTRAINTS(KeyType.EC_P256, Authority.CONSTRAINED_INTERMEDIATE, Validity.CURRENT, true, true, true),
    /** extendedKeyUsage is id-kp-clientAuth only (RFC 5280 §4.2.1.12). */
    NO_SERVERAUTH_EKU(KeyType.EC_P256, Authority.INTERMEDIATE, Validity.CURRENT, true, false, true);

    /** A leaf with less than this left, or showing other than its profile's property, is made again. */
    static final Duration RENEW_BEFORE = Duration.ofDays(14);

    private final KeyType keyType;
    private final Authority issuer;
    private final Validity validity;
    private final boolean subjectAltName;
    private final boolean serverAuth;
    private final boolean sendIssuer;

    CertificateProfile(KeyType keyType, Authority issuer, Validity validity, boolean subjectAltName,
                       boolean serverAuth, boolean sendIssuer) {
        this.keyType = keyType;
        this.issuer = issuer;
        this.validity = validity;
        this.subjectAltName = subjectAltName;
        this.serverAuth = serverAuth;
        this.sendIssuer = sendIssuer;
    }

    /** The word used in the config file: {@code ec-p256}, {@code no-serverauth-eku}, … */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CertificateProfile fromConfigName(String word) {
        for (CertificateProfile profile : values()) {
            if (profile.configName().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown certificate profile '" + word + "'; known: "
                + Arrays.stream(values()).map(CertificateProfile::configName).collect(Collectors.joining(", ")));
    }

    public KeyType keyType() {
        return keyType;
    }

    /** Null when the leaf is self-signed. */
    Authority issuer() {
        return issuer;
    }

    boolean subjectAltName() {
        return subjectAltName;
    }

    boolean serverAuth() {
        return serverAuth;
    }

    /** Whether the server sends the issuer's certificate after the leaf. */
    boolean sendIssuer() {
        return sendIssuer;
    }

    Instant notBefore(Instant now) {
        return validity.notBefore(now);
    }

    Instant notAfter(Instant now) {
        return validity.notAfter(now);
    }

    /** True while a cached leaf still shows what this profile is meant to show, with margin. */
    boolean stillFits(Instant notBefore, Instant notAfter, Instant now) {
        return validity.stillFits(notBefore, notAfter, now);
    }

    private enum Validity {
        /** Valid now, for 90 days: the longest a leaf of a good lab site lives. */
        CURRENT(Duration.ofHours(-1), Duration.ofDays(90)),
        EXPIRED(Duration.ofDays(-120), Duration.ofDays(90)),
        NOT_YET_VALID(Duration.ofDays(60), Duration.ofDays(90)),
        LONG(Duration.ofHours(-1), Duration.ofDays(500));

        private final Duration startOffset;
        private final Duration length;

        Validity(Duration startOffset, Duration length) {
            this.startOffset = startOffset;
            this.length = length;
        }

        Instant notBefore(Instant now) {
            return now.plus(startOffset);
        }

        Instant notAfter(Instant now) {
            return notBefore(now).plus(length);
        }

        boolean stillFits(Instant notBefore, Instant notAfter, Instant now) {
            return switch (this) {
                case CURRENT, LONG -> !notBefore.isAfter(now) && notAfter.isAfter(now.plus(RENEW_BEFORE));
                case EXPIRED -> notAfter.isBefore(now);
                case NOT_YET_VALID -> notBefore.isAfter(now.plus(RENEW_BEFORE));
            };
        }
    }
}
