package navemu.tls.core.client;

import java.security.SecureRandom;
import java.util.List;

import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls13CipherSuite;

/**
 * What the client offers. {@link #defaults()} is what a navigation uses (issue 3's list); tests
 * narrow it, e.g. to force one cipher suite.
 *
 * @param cipherSuites        in preference order
 * @param supportedGroups     supported_groups, in preference order
 * @param keyShareGroups      the groups a key share is sent for in the first ClientHello
 * @param signatureAlgorithms signature_algorithms, in preference order
 * @param random              randomness for client random, session id and key shares
 */
public record Tls13ClientConfig(List<Tls13CipherSuite> cipherSuites, List<NamedGroup> supportedGroups,
                           List<NamedGroup> keyShareGroups, List<SignatureScheme> signatureAlgorithms,
                           SecureRandom random) {

    public Tls13ClientConfig {
        cipherSuites = List.copyOf(cipherSuites);
        supportedGroups = List.copyOf(supportedGroups);
        keyShareGroups = List.copyOf(keyShareGroups);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
        if (!supportedGroups.containsAll(keyShareGroups)) {
            throw new IllegalArgumentException("every key share group must be a supported group (RFC 8446 §4.2.8)");
        }
    }

    public static Tls13ClientConfig defaults() {
        return new Tls13ClientConfig(
                List.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, Tls13CipherSuite.TLS_AES_256_GCM_SHA384,
                        Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256),
                List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
                List.of(NamedGroup.X25519),
                List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
                        SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                        SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.ED25519,
                        // For certificate signatures only: never accepted in CertificateVerify (§4.2.3).
                        SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384),
                new SecureRandom());
    }

    /**
     * The defaults, changed by configuration properties (ConfigAdmin pid
     * {@code navemu.tls.tls13ecdhe}), each a comma-separated list of RFC names:
     * {@code cipherSuites} (e.g. TLS_CHACHA20_POLY1305_SHA256), {@code groups} (x25519,
     * secp256r1, secp384r1), {@code keyShares} (the groups the first ClientHello carries a share
     * for), {@code signatureAlgorithms} (e.g. ecdsa_secp256r1_sha256). A name this client does
     * not know is an IllegalArgumentException that names it and lists the known ones.
     */
    public static Tls13ClientConfig fromProperties(java.util.Map<String, ?> properties) {
        Tls13ClientConfig d = defaults();
        List<Tls13CipherSuite> suites = parse(properties, "cipherSuites", d.cipherSuites(), Tls13CipherSuite.values(), Tls13CipherSuite::name);
        List<NamedGroup> groups = parse(properties, "groups", d.supportedGroups(), NamedGroup.values(), NamedGroup::rfcName);
        List<NamedGroup> shares = parse(properties, "keyShares", List.of(groups.get(0)), NamedGroup.values(), NamedGroup::rfcName);
        List<SignatureScheme> sigs = parse(properties, "signatureAlgorithms", d.signatureAlgorithms(), SignatureScheme.values(), SignatureScheme::rfcName);
        if (!groups.containsAll(shares)) {
            throw new IllegalArgumentException("keyShares " + shares + " must be among groups " + groups);
        }
        return new Tls13ClientConfig(suites, groups, shares, sigs, d.random());
    }

    private static <T> List<T> parse(java.util.Map<String, ?> properties, String key, List<T> fallback, T[] known,
                                     java.util.function.Function<T, String> name) {
        Object value = properties == null ? null : properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        List<T> out = new java.util.ArrayList<>();
        for (String word : value.toString().split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            T found = null;
            for (T candidate : known) {
                if (name.apply(candidate).equalsIgnoreCase(word)) {
                    found = candidate;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("tls13-ecdhe configuration " + key + ": unknown '" + word + "'; known: "
                        + java.util.Arrays.stream(known).map(name).collect(java.util.stream.Collectors.joining(", ")));
            }
            out.add(found);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("tls13-ecdhe configuration " + key + " is empty");
        }
        return out;
    }

    public Tls13ClientConfig withCipherSuites(Tls13CipherSuite... suites) {
        return new Tls13ClientConfig(List.of(suites), supportedGroups, keyShareGroups, signatureAlgorithms, random);
    }

    public Tls13ClientConfig withKeyShareGroups(NamedGroup... groups) {
        return new Tls13ClientConfig(cipherSuites, supportedGroups, List.of(groups), signatureAlgorithms, random);
    }
}
