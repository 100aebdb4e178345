package navemu.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {

    private static X509Certificate first;
    private static X509Certificate second;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        first = selfSigned("CN=First Root");
        second = selfSigned("CN=Second Root");
    }

    private static X509Certificate selfSigned(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name(name),
                BigInteger.ONE, Date.from(now), Date.from(now.plus(Duration.ofDays(1))), new X500Name(name),
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aBundleWithCommentsBetweenBlocksYieldsEveryCertificate() throws Exception {
        Path file = write("bundle.crt", "# First Root\n" + pem(first) + "\n# Second Root\n" + pem(second));
        PemBundle bundle = PemBundle.read(file);
        assertEquals(List.of(first, second), bundle.certificates());
        assertTrue(bundle.problems().isEmpty(), bundle.problems().toString());
        assertTrue(bundle.describe().endsWith("(2 certificates)"), bundle.describe());
    }

    @Test
    void aMissingFileIsEmptyWithAClearProblemNotACrash() {
        PemBundle bundle = PemBundle.read(dir.resolve("absent.crt"));
        assertTrue(bundle.certificates().isEmpty());
        assertTrue(bundle.problems().get(0).startsWith("missing"), bundle.problems().toString());
    }

    @Test
    void aBrokenBlockIsReportedAndTheOthersAreStillRead() throws Exception {
        Path file = write("mixed.crt", pem(first)
                + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n" + pem(second));
        PemBundle bundle = PemBundle.read(file);
        assertEquals(List.of(first, second), bundle.certificates());
        assertEquals(1, bundle.problems().size());
        assertTrue(bundle.problems().get(0).startsWith("block 2: not a certificate"), bundle.problems().toString());
    }

    @Test
    void aFileWithoutPemIsReported() throws Exception {
        PemBundle bundle = PemBundle.read(write("empty.crt", "hello\n"));
        assertTrue(bundle.certificates().isEmpty());
        assertTrue(bundle.problems().get(0).startsWith("no PEM certificate"), bundle.problems().toString());
    }

    @Test
    void theStoreJoinsTheSystemBundleAndTheExtrasWithoutDuplicates() throws Exception {
        Path system = write("system.crt", pem(first));
        Path extra = write("extra.pem", pem(first) + pem(second));
        TrustStore store = new TrustStore(system, List.of(extra));
        assertEquals(List.of(first, second), store.anchors());
        assertTrue(store.name().startsWith("system CA bundle " + system + " (1 certificate)"), store.name());
        assertTrue(store.name().contains("extra " + extra + " (2 certificates)"), store.name());
    }

    @Test
    void aMissingSystemBundleLeavesTheStoreEmptyAndSaysWhy() {
        TrustStore store = new TrustStore(dir.resolve("nope.crt"), List.of());
        assertTrue(store.anchors().isEmpty());
        assertTrue(store.name().contains("missing: no file at"), store.name());
    }
}
