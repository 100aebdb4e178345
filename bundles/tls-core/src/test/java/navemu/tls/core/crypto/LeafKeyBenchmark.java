package navemu.tls.core.crypto;

import java.security.SecureRandom;
import java.util.Locale;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import navemu.tls.core.handshake.CertificateVerify;
import navemu.tls.core.testing.TestPki;

/**
 * What checking the server's CertificateVerify costs per handshake when the leaf's public key is
 * decoded every time (as before the {@link PublicKeyCache}) and when it comes from the cache: the
 * leaf is parsed afresh each round, as a handshake does, then its key is taken and the signature
 * checked. Prints microseconds per verify for an ECDSA P-256 and an RSA-2048 leaf. Not a test
 * (numbers vary by machine): {@code scripts/bench.sh leafkey}.
 */
public final class LeafKeyBenchmark {

    private LeafKeyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        System.out.printf(Locale.ROOT, "%-8s %-32s %10s %10s%n", "leaf", "step", "decoded", "cached");
        bench("P-256", TestPki.create(TestPki.KeyType.ECDSA), SignatureScheme.ECDSA_SECP256R1_SHA256, rounds);
        bench("RSA", TestPki.create(TestPki.KeyType.RSA), SignatureScheme.RSA_PSS_RSAE_SHA256, rounds);
    }

    private static void bench(String label, TestPki pki, SignatureScheme scheme, int rounds) throws Exception {
        byte[] der = pki.leaf.getEncoded();
        byte[] content = CertificateVerify.signedContent(true, new byte[32]);
        AsymmetricKeyParameter privateKey = PrivateKeyFactory.createKey(pki.leafKeys.getPrivate().getEncoded());
        byte[] signature = scheme.sign(privateKey, content, new SecureRandom());

        Round decodedKey = () -> decodedAsBefore(der) != null;
        Round cachedKey = () -> LeafCertificate.parse(der).publicKey() != null;
        Round decodedVerify = () -> scheme.verify(decodedAsBefore(der), content, signature);
        Round cachedVerify = () -> scheme.verify(LeafCertificate.parse(der).publicKey(), content, signature);

        for (int pass = 0; pass < 3; pass++) { // the first passes warm the JIT up
            double[] key = {perRound(decodedKey, rounds), perRound(cachedKey, rounds)};
            double[] verify = {perRound(decodedVerify, rounds), perRound(cachedVerify, rounds)};
            if (pass == 2) {
                System.out.printf(Locale.ROOT, "%-8s %-32s %7.1f µs %7.1f µs%n", label, "parse leaf + public key", key[0], key[1]);
                System.out.printf(Locale.ROOT, "%-8s %-32s %7.1f µs %7.1f µs  (%.2f× faster)%n", label,
                        "parse + key + verify signature", verify[0], verify[1], verify[0] / verify[1]);
            }
        }
    }

    /** What LeafCertificate.parse(der).publicKey() did before the cache: parse, read the names, decode. */
    private static AsymmetricKeyParameter decodedAsBefore(byte[] der) throws Exception {
        Certificate certificate = Certificate.getInstance(der);
        if (certificate.getSubject().toString().isEmpty() && certificate.getIssuer().toString().isEmpty()) {
            throw new IllegalStateException("a leaf without names");
        }
        return PublicKeyFactory.createKey(certificate.getSubjectPublicKeyInfo());
    }

    @FunctionalInterface
    private interface Round {
        boolean run() throws Exception;
    }

    private static double perRound(Round round, int rounds) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            if (!round.run()) {
                throw new IllegalStateException("the signature must verify");
            }
        }
        return (System.nanoTime() - start) / 1e3 / rounds;
    }
}
