package navemu.lab.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabCertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final List<String> notices = new ArrayList<>();

    private LabCertificateAuthority open(Path dir, Instant now) throws Exception {
        return LabCertificateAuthority.open(dir, Clock.fixed(now, ZoneOffset.UTC), notices::add);
    }

    @Test
    void aGoodLeafChainsToTheRootWithSanServerAuthAndAtMost90Days(@TempDir Path dir) throws Exception {
        LabCertificateAuthority ca = open(dir, NOW);
        SiteCredential credential = ca.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test"));
        X509Certificate leaf = credential.leaf();

        assertEquals(2, credential.chain().size(), "leaf and intermediate are sent, not the root");
        assertEquals(List.of(List.of(2, "www.lab.test")), new ArrayList<>(leaf.getSubjectAlternativeNames()).stream().map(List::copyOf).toList());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), leaf.getExtendedKeyUsage(), "id-kp-serverAuth");
        assertTrue(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()).toDays() <= 90);
        assertEquals(-1, leaf.getBasicConstraints());

        // The JDK's own PKIX validator agrees that the chain is good at NOW.
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.root(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(java.util.Date.from(NOW));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(credential.chain()), parameters);
    }

    @Test
    void theCacheIsReusedAcrossOpens(@TempDir Path dir) throws Exception {
        LabCertificateAuthority first = open(dir, NOW);
        X509Certificate leaf = first.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test")).leaf();

        LabCertificateAuthority second = open(dir, NOW.plus(Duration.ofDays(10)));
        assertArrayEquals(first.root().getEncoded(), second.root().getEncoded());
        assertArrayEquals(leaf.getEncoded(),
                second.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test")).leaf().getEncoded());
        assertTrue(Files.exists(dir.resolve(LabCertificateAuthority.ROOT_CERTIFICATE_FILE)));
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void aLeafAboutToExpireIsMadeAgainButTheRootIsKept(@TempDir Path dir) throws Exception {
        LabCertificateAuthority first = open(dir, NOW);
        X509Certificate leaf = first.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test")).leaf();

        LabCertificateAuthority later = open(dir, NOW.plus(Duration.ofDays(80)));
        X509Certificate renewed = later.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test")).leaf();
        assertArrayEquals(first.root().getEncoded(), later.root().getEncoded());
        assertNotEquals(leaf.getSerialNumber(), renewed.getSerialNumber());
        assertTrue(renewed.getNotAfter().toInstant().isAfter(NOW.plus(Duration.ofDays(80 + 30))));
    }

    @Test
    void aRootAboutToExpireIsMadeAgainAndSoIsEverythingItIssued(@TempDir Path dir) throws Exception {
        LabCertificateAuthority first = open(dir, NOW);
        X509Certificate leaf = first.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test")).leaf();

        LabCertificateAuthority decadeLater = open(dir, NOW.plus(Duration.ofDays(3600)));
        assertFalse(java.util.Arrays.equals(first.root().getEncoded(), decadeLater.root().getEncoded()));
        X509Certificate renewed = decadeLater.credentialFor("www.lab.test", CertificateProfile.EC_P256, List.of("www.lab.test")).leaf();
        assertNotEquals(leaf.getSerialNumber(), renewed.getSerialNumber());
    }

    @Test
    void aCorruptCacheFileIsReportedByNameSetAsideAndMadeAgain(@TempDir Path dir) throws Exception {
        LabCertificateAuthority first = open(dir, NOW);
        Path rootFile = dir.resolve("lab-root.pem");
        Files.writeString(rootFile, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        LabCertificateAuthority second = open(dir, NOW);
        assertEquals(1, notices.size(), notices.toString());
        String notice = notices.get(0);
        assertTrue(notice.contains(rootFile.toString()) && notice.contains("unreadable") && notice.contains("made again"), notice);
        assertTrue(Files.exists(dir.resolve("lab-root.pem.corrupt")), "the bad file is kept for inspection");
        assertFalse(java.util.Arrays.equals(first.root().getEncoded(), second.root().getEncoded()));
        second.root().verify(second.root().getPublicKey());
        assertEquals(second.root().getEncoded().length, PemFile.read(rootFile).certificate().getEncoded().length);
    }

    @Test
    void aCacheFileWithoutACertificateIsUnreadableWithAReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.pem");
        Files.writeString(file, "");
        UnreadableCacheFileException e = org.junit.jupiter.api.Assertions.assertThrows(UnreadableCacheFileException.class,
                () -> PemFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("no PRIVATE KEY"), e.getMessage());
    }

    @Test
    void eachBrokenProfileShowsItsDefect(@TempDir Path dir) throws Exception {
        LabCertificateAuthority ca = open(dir, NOW);
        X509Certificate expired = leaf(ca, CertificateProfile.EXPIRED);
        assertTrue(expired.getNotAfter().toInstant().isBefore(NOW));
        assertTrue(leaf(ca, CertificateProfile.NOT_YET_VALID).getNotBefore().toInstant().isAfter(NOW));
        assertNull(leaf(ca, CertificateProfile.NO_SAN).getSubjectAlternativeNames());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), leaf(ca, CertificateProfile.NO_SERVERAUTH_EKU).getExtendedKeyUsage());
        X509Certificate longLived = leaf(ca, CertificateProfile.LONG_VALIDITY);
        assertTrue(Duration.between(longLived.getNotBefore().toInstant(), longLived.getNotAfter().toInstant()).toDays() > 398);
        assertEquals(1024, ((java.security.interfaces.RSAPublicKey) leaf(ca, CertificateProfile.RSA_1024).getPublicKey()).getModulus().bitLength());

        SiteCredential selfSigned = ca.credentialFor("s.lab.test", CertificateProfile.SELF_SIGNED, List.of("s.lab.test"));
        assertEquals(1, selfSigned.chain().size());
        selfSigned.leaf().verify(selfSigned.leaf().getPublicKey());

        SiteCredential sha1 = ca.credentialFor("h.lab.test", CertificateProfile.SHA1_INTERMEDIATE, List.of("h.lab.test"));
        assertEquals("SHA1withECDSA", sha1.chain().get(1).getSigAlgName());

        SiteCredential constrained = ca.credentialFor("n.lab.test", CertificateProfile.NAME_CONSTRAINTS, List.of("n.lab.test"));
        assertTrue(constrained.chain().get(1).getCriticalExtensionOIDs().contains("2.5.29.30"), "critical nameConstraints");

        assertEquals(1, ca.credentialFor("i.lab.test", CertificateProfile.INCOMPLETE_CHAIN, List.of("i.lab.test")).chain().size());
        SiteCredential untrusted = ca.credentialFor("u.lab.test", CertificateProfile.UNTRUSTED_ROOT, List.of("u.lab.test"));
        assertNotEquals(ca.root().getSubjectX500Principal(), untrusted.chain().get(1).getSubjectX500Principal());
    }

    private static X509Certificate leaf(LabCertificateAuthority ca, CertificateProfile profile) throws Exception {
        String host = profile.configName() + ".lab.test";
        return ca.credentialFor(host, profile, List.of(host)).leaf();
    }
}
