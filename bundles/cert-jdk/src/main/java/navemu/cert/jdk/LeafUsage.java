package navemu.cert.jdk;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Whether the leaf's keyUsage and extendedKeyUsage let it serve TLS (RFC 5280 §4.2.1.3, §4.2.1.12;
 * RFC 5246 §7.4.2, RFC 8446 §4.4.2.2). When an extension is absent, its use is unrestricted.
 */
final class LeafUsage {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;

    private LeafUsage() {
    }

    /** Null when the leaf may be used; else which rule it breaks. */
    static String problem(X509Certificate leaf, String keyExchange) {
        try {
            List<String> extended = leaf.getExtendedKeyUsage();
            if (extended != null && !extended.contains(SERVER_AUTH) && !extended.contains(ANY_EXTENDED_KEY_USAGE)) {
                return "its extendedKeyUsage " + extended + " does not include serverAuth (RFC 5280 §4.2.1.12)";
            }
        } catch (CertificateParsingException e) {
            return "its extendedKeyUsage does not parse: " + e.getMessage();
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage == null) {
            return null;
        }
        if ("RSA".equals(keyExchange) && !(usage.length > KEY_ENCIPHERMENT && usage[KEY_ENCIPHERMENT])) {
            return "RSA key exchange encrypts the pre-master secret to this key, but its keyUsage lacks"
                    + " keyEncipherment (RFC 5246 §7.4.2, RFC 5280 §4.2.1.3)";
        }
        if (!"RSA".equals(keyExchange) && !(usage.length > DIGITAL_SIGNATURE && usage[DIGITAL_SIGNATURE])) {
            return "an (EC)DHE handshake needs the server to sign, but its keyUsage lacks digitalSignature"
                    + " (RFC 8446 §4.4.2.2, RFC 5280 §4.2.1.3)";
        }
        return null;
    }
}
