package navemu.cert.jdk;

import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;

/**
 * Which public keys browsers refuse although the JDK accepts them: anything but RSA and ECDSA on
 * P-256, P-384 or P-521 (CA/B Forum BR §6.1.5; Chromium's {@code IsPublicKeyAcceptable}).
 */
final class BrowserKeys {
    private BrowserKeys() {
    }

    /** The DER OBJECT IDENTIFIERs of P-256, P-384 and P-521, as they appear in an EC key's SubjectPublicKeyInfo. */
    private static final List<byte[]> ALLOWED_CURVES = List.of(
            HexFormat.of().parseHex("06082a8648ce3d030107"),
            HexFormat.of().parseHex("06052b81040022"),
            HexFormat.of().parseHex("06052b81040023"));

    /** {@code a DSA key}, {@code an EC key on another curve}…, or null when browsers accept the key type. */
    static String refusal(PublicKey key) {
        String algorithm = key.getAlgorithm();
        if (algorithm.equals("RSA")) {
            return null;
        }
        if (algorithm.equals("EC")) {
            byte[] spki = key.getEncoded();
            for (byte[] curve : ALLOWED_CURVES) {
                if (contains(spki, curve)) {
                    return null;
                }
            }
            return "an EC key on a curve other than P-256, P-384 and P-521";
        }
        return "a " + algorithm + " key";
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
