package navemu.tls.core.client;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls12CipherSuite;

/**
 * What a TLS 1.2 client offers.
 *
 * @param cipherSuites        in preference order
 * @param supportedGroups     for ECDHE suites (supported_groups, RFC 8422 §5.1.1)
 * @param signatureAlgorithms signature_algorithms (RFC 5246 §7.4.1.4.1)
 * @param sessionIdLifetime   how long the client keeps a session id the server gave (the
 *                            client's own limit: a session id carries no lifetime)
 * @param random              client random, pre-master secret, CBC IVs
 * @param encryptThenMac      whether to offer encrypt_then_mac (RFC 7366) when a CBC suite is
 *                            offered: the textbook client does, Chrome does not
 */
public record Tls12ClientConfig(List<Tls12CipherSuite> cipherSuites, List<NamedGroup> supportedGroups,
                                List<SignatureScheme> signatureAlgorithms, Duration sessionIdLifetime,
                                SecureRandom random, boolean encryptThenMac) {

    /** A client that offers encrypt_then_mac with its CBC suites. */
    public Tls12ClientConfig(List<Tls12CipherSuite> cipherSuites, List<NamedGroup> supportedGroups,
                             List<SignatureScheme> signatureAlgorithms, Duration sessionIdLifetime, SecureRandom random) {
        this(cipherSuites, supportedGroups, signatureAlgorithms, sessionIdLifetime, random, true);
    }

    public Tls12ClientConfig {
        cipherSuites = List.copyOf(cipherSuites);
        supportedGroups = List.copyOf(supportedGroups);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
        if (cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("a TLS 1.2 client must offer at least one cipher suite");
        }
        if (supportedGroups.stream().anyMatch(NamedGroup::isHybrid)) {
            // draft-ietf-tls-ecdhe-mlkem defines the hybrid groups for TLS 1.3 only.
            throw new IllegalArgumentException("a hybrid group is not a TLS 1.2 ECDHE group: " + supportedGroups);
        }
    }

    /** tls12-rsa: the three RSA key-exchange suites, AES-128-GCM first. */
    public static Tls12ClientConfig rsaKeyExchange() {
        return new Tls12ClientConfig(List.of(Tls12CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                Tls12CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, Tls12CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256),
                List.of(), defaultSignatureAlgorithms(), Duration.ofHours(1), new SecureRandom());
    }

    /**
     * browser: Chrome 143's TLS 1.2 suites in its order — ECDHE_ECDSA/ECDHE_RSA with AES-GCM and
     * ChaCha20, ECDHE_RSA with AES-CBC-SHA, then RSA key exchange with AES-GCM and AES-CBC-SHA —
     * and, as Chrome, no encrypt_then_mac.
     */
    public static Tls12ClientConfig browser() {
        return new Tls12ClientConfig(List.of(
                Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, Tls12CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
                Tls12CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, Tls12CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
                Tls12CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, Tls12CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA),
                List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
                defaultSignatureAlgorithms(), Duration.ofHours(1), new SecureRandom(), false);
    }

    static List<SignatureScheme> defaultSignatureAlgorithms() {
        return List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
                SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PKCS1_SHA384,
                SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PKCS1_SHA512);
    }

    public Tls12ClientConfig withCipherSuites(Tls12CipherSuite... suites) {
        return new Tls12ClientConfig(List.of(suites), supportedGroups, signatureAlgorithms, sessionIdLifetime, random, encryptThenMac);
    }

    public Tls12ClientConfig withSupportedGroups(List<NamedGroup> groups) {
        return new Tls12ClientConfig(cipherSuites, groups, signatureAlgorithms, sessionIdLifetime, random, encryptThenMac);
    }

    public boolean offersEcdhe() {
        return cipherSuites.stream().anyMatch(s -> s.keyExchange().ephemeral());
    }

    public boolean offersCbc() {
        return cipherSuites.stream().anyMatch(Tls12CipherSuite::isCbc);
    }

    /** encrypt_then_mac goes into the ClientHello only beside a CBC suite, and only when configured. */
    public boolean offersEncryptThenMac() {
        return encryptThenMac && offersCbc();
    }
}
