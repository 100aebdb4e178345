package navemu.cert.pkix.checks;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * Verifies that an issuer's key signed a certificate, and remembers the answers.
 *
 * <p>The answer depends only on the certificate's bytes and the issuer's key, so it can be kept:
 * Chromium keeps a verification cache for the same reason. A warm navigation to a known site then
 * costs no public-key operation at all; a new site behind a known intermediate costs one.
 * At most {@value #CAPACITY} answers are kept; the cache is emptied when full.
 *
 * <p>Bouncy Castle's provider is used directly (never registered with the JCA): its P-256 ECDSA
 * verification measured about four times faster than the JDK 17 one. Each issuer key is converted
 * to Bouncy Castle's own key class once and kept, so that the tables Bouncy Castle precomputes for
 * a public point are reused by every certificate that issuer signed. The provider is made on the
 * first verification, not when the validator is: making it loads some 400 classes, which cost
 * navemu's start-up a tenth of a second while nothing had been validated yet.
 */
public final class SignatureVerifier {
    static final int CAPACITY = 4096;

    /** Bouncy Castle's provider, made when first asked for (the holder idiom: the JVM makes it once). */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** Why a signature did not verify; null when it did. */
    private record Answer(String failure) {
    }

    /** A certificate (by the SHA-256 of its DER) and the issuer key asked to have signed it. */
    private record Question(String certificateSha256, ByteBuffer issuerKey) {
    }

    private final Map<Question, Answer> answers = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, PublicKey> issuerKeys = new ConcurrentHashMap<>();

    /** Null when {@code issuer}'s key verifies the signature on {@code certificate}; else why not. */
    public String failure(ParsedCertificate certificate, ParsedCertificate issuer) {
        Question key = new Question(certificate.sha256(), ByteBuffer.wrap(issuer.subjectPublicKeyInfoDer()));
        Answer known = answers.get(key);
        if (known != null) {
            return known.failure();
        }
        Answer answer = new Answer(verify(certificate, issuerKey(issuer)));
        if (answers.size() >= CAPACITY) {
            answers.clear();
        }
        answers.put(key, answer);
        return answer.failure();
    }

    /** The issuer's key as Bouncy Castle's key class, or the JDK's when Bouncy Castle cannot read it. */
    private PublicKey issuerKey(ParsedCertificate issuer) {
        byte[] spki = issuer.subjectPublicKeyInfoDer();
        ByteBuffer id = ByteBuffer.wrap(spki);
        PublicKey known = issuerKeys.get(id);
        if (known != null) {
            return known;
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance(issuer.publicKey().getAlgorithm(), BouncyCastle.PROVIDER).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            key = issuer.publicKey();
        }
        if (issuerKeys.size() >= CAPACITY) {
            issuerKeys.clear();
        }
        issuerKeys.put(id, key);
        return key;
    }

    private static String verify(ParsedCertificate certificate, PublicKey issuerKey) {
        try {
            try {
                certificate.x509().verify(issuerKey, BouncyCastle.PROVIDER);
            } catch (NoSuchAlgorithmException e) {
                // An algorithm Bouncy Castle does not offer: let the JDK's providers try.
                certificate.x509().verify(issuerKey);
            }
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
