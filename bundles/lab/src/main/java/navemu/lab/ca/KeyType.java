package navemu.lab.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

/**
 * The kinds of key the lab CA makes. Keys come from the JDK's own providers, so the lab never
 * installs a security provider into the process it shares with the rest of navemu.
 */
public enum KeyType {
    EC_P256("EC", 256),
    RSA_1024("RSA", 1024),
    RSA_2048("RSA", 2048),
    RSA_4096("RSA", 4096);

    private final String algorithm;
    private final int bits;

    KeyType(String algorithm, int bits) {
        this.algorithm = algorithm;
        this.bits = bits;
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a " + this + " key", e);
        }
    }

    /** SHA-256 signatures by a key of this type (SHA-1 only where a profile asks for it). */
    String signatureAlgorithm(boolean sha1) {
        String hash = sha1 ? "SHA1" : "SHA256";
        return algorithm.equals("EC") ? hash + "withECDSA" : hash + "withRSA";
    }

    boolean isRsa() {
        return algorithm.equals("RSA");
    }

    static String signatureAlgorithmFor(PrivateKey issuerKey, boolean sha1) {
        String hash = sha1 ? "SHA1" : "SHA256";
        return issuerKey.getAlgorithm().equals("EC") ? hash + "withECDSA" : hash + "withRSA";
    }
}
