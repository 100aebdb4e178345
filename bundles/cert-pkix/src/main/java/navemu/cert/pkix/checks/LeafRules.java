package navemu.cert.pkix.checks;

import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/** The rules for the server's own certificate: what it may be used for, and for how long. */
public final class LeafRules {
    private LeafRules() {
    }

    /** CA/B Forum BR §6.3.2 (ballot SC31): certificates issued on or after this day live at most 398 days. */
    static final Instant VALIDITY_LIMIT_SINCE = Instant.parse("2020-09-01T00:00:00Z");
    static final Duration MAX_VALIDITY = Duration.ofDays(398);

    /**
     * RFC 5280 §4.2.1.3 with RFC 5246 §7.4.2 / RFC 8446 §4.4.2.2: when keyUsage is present, the
     * leaf must allow what the key exchange does with its key. With ECDHE (and every TLS 1.3
     * handshake) the server signs: digitalSignature. With RSA key exchange the client encrypts the
     * pre-master secret to it: keyEncipherment. Unknown key exchange: either will do.
     */
    public static void keyUsage(ParsedCertificate leaf, String label, String keyExchange, Findings out) {
        KeyUsage usage = leaf.keyUsage();
        if (usage == null) {
            out.pass(label, Rules.KEY_USAGE, "no keyUsage extension: the key may be used for anything");
            return;
        }
        String exchange = keyExchange == null ? "" : keyExchange.toUpperCase(java.util.Locale.ROOT);
        boolean signs = usage.hasUsages(KeyUsage.digitalSignature);
        boolean encrypts = usage.hasUsages(KeyUsage.keyEncipherment);
        if (exchange.equals("RSA")) {
            if (encrypts) {
                out.pass(label, Rules.KEY_USAGE, "keyEncipherment, as RSA key exchange needs");
            } else {
                out.fail(label, Rules.KEY_USAGE, CertStatus.INVALID,
                        "RSA key exchange encrypts to the key, but keyUsage lacks keyEncipherment");
            }
        } else if (exchange.isEmpty()) {
            if (signs || encrypts) {
                out.pass(label, Rules.KEY_USAGE, "digitalSignature or keyEncipherment present (key exchange not known)");
            } else {
                out.fail(label, Rules.KEY_USAGE, CertStatus.INVALID,
                        "keyUsage allows neither digitalSignature nor keyEncipherment");
            }
        } else if (signs) {
            out.pass(label, Rules.KEY_USAGE, "digitalSignature, as " + exchange + " key exchange needs");
        } else {
            out.fail(label, Rules.KEY_USAGE, CertStatus.INVALID,
                    exchange + " key exchange has the server sign, but keyUsage lacks digitalSignature");
        }
    }

    /**
     * RFC 5280 §4.2.1.12: when extendedKeyUsage is present, the leaf must be meant for TLS servers
     * (id-kp-serverAuth; anyExtendedKeyUsage is accepted, as Chromium does for the leaf).
     */
    public static void extendedKeyUsage(ParsedCertificate leaf, String label, Findings out) {
        if (leaf.extendedKeyUsage() == null) {
            out.pass(label, Rules.EXTENDED_KEY_USAGE, "no extendedKeyUsage extension: any purpose");
        } else if (leaf.hasExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)) {
            out.pass(label, Rules.EXTENDED_KEY_USAGE, "serverAuth present");
        } else if (leaf.hasExtendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage)) {
            out.pass(label, Rules.EXTENDED_KEY_USAGE, "anyExtendedKeyUsage present");
        } else {
            out.fail(label, Rules.EXTENDED_KEY_USAGE, CertStatus.INVALID,
                    "extendedKeyUsage does not include serverAuth: the certificate is not for TLS servers");
        }
    }

    /** Browser policy (CA/B Forum BR §6.3.2): at most 398 days for certificates issued since 2020-09-01. */
    public static void validityPeriod(ParsedCertificate leaf, String label, Findings out) {
        Duration lifetime = Duration.between(leaf.notBefore(), leaf.notAfter());
        long days = lifetime.toDays();
        if (leaf.notBefore().isBefore(VALIDITY_LIMIT_SINCE)) {
            out.pass(label, Rules.VALIDITY_PERIOD, days + " days, issued before 2020-09-01");
        } else if (lifetime.compareTo(MAX_VALIDITY) > 0) {
            out.fail(label, Rules.VALIDITY_PERIOD, CertStatus.VALIDITY_TOO_LONG,
                    "valid for " + days + " days, more than the 398 allowed");
        } else {
            out.pass(label, Rules.VALIDITY_PERIOD, days + " days");
        }
    }
}
