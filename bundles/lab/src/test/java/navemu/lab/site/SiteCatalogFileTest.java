package navemu.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.lab.LabConfigException;
import navemu.lab.ca.CertificateProfile;
import navemu.lab.ca.OcspResponses;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SiteCatalogFileTest {

    @TempDir
    Path dir;

    private List<SiteSpec> read(String text) throws Exception {
        Path file = dir.resolve("sites.conf");
        Files.writeString(file, text);
        return SiteCatalogFile.read(file);
    }

    private String error(String text) {
        return assertThrows(LabConfigException.class, () -> read(text)).getMessage();
    }

    @Test
    void aMinimalSiteGetsTheDefaults() throws Exception {
        SiteSpec site = read("[Www.Lab.Test]\npurpose = p\n").get(0);
        assertEquals("www.lab.test", site.host());
        assertEquals("https://www.lab.test/", site.openUrl());
        assertNull(site.expectedError());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), site.tls().versions());
        assertEquals(CertificateProfile.EC_P256, site.tls().certificate());
        assertEquals(List.of("www.lab.test"), site.tls().names());
        assertEquals(HttpBehaviour.Mode.PAGE, site.https().mode());
        assertNull(site.http(), "no plain HTTP server unless asked");
    }

    @Test
    void everyKeyIsRead() throws Exception {
        SiteSpec site = read("""
                # comment
                [x.lab.test]
                purpose = all keys
                expected-error = ERR_CERT_REVOKED
                open = http://x.lab.test/start
                tls.versions = TLSv1.3, TLSv1.2
                tls.answer-version = TLSv1.2
                tls.groups = secp256r1
                tls.suites = TLS_AES_128_GCM_SHA256
                tls.certificate = rsa-4096
                tls.names = *.x.lab.test x.lab.test
                tls.ocsp = revoked
                https.redirect = / 307 /b
                https.header = X-Test: 1
                http = redirect-to-https
                http.header = X-Plain: 2
                """).get(0);
        assertEquals("ERR_CERT_REVOKED", site.expectedError());
        assertEquals("http://x.lab.test/start", site.openUrl());
        assertEquals("TLSv1.2", site.tls().answerVersion());
        assertEquals(List.of("secp256r1"), site.tls().groups());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"), site.tls().cipherSuites());
        assertEquals(CertificateProfile.RSA_4096, site.tls().certificate());
        assertEquals(List.of("*.x.lab.test", "x.lab.test"), site.tls().names());
        assertEquals(OcspResponses.Status.REVOKED, site.tls().ocspStaple());
        assertEquals(new HttpBehaviour.Redirect(307, "/b"), site.https().redirects().get("/"));
        assertEquals(List.of("X-Test: 1"), site.https().headers());
        assertEquals(HttpBehaviour.Mode.REDIRECT_TO_HTTPS, site.http().mode());
        assertEquals(List.of("X-Plain: 2"), site.http().headers());
    }

    @Test
    void anUnknownKeyNamesTheFileTheLineAndTheKnownKeys() {
        String message = error("[a.lab.test]\npurpose = p\ncertificate = expired\n");
        assertTrue(message.contains("sites.conf:3") && message.contains("unknown key 'certificate'")
                && message.contains("tls.certificate"), message);
    }

    @Test
    void anUnknownCertificateProfileListsTheKnownOnes() {
        String message = error("[a.lab.test]\npurpose = p\ntls.certificate = expird\n");
        assertTrue(message.contains(":3") && message.contains("expird") && message.contains("not-yet-valid"), message);
    }

    @Test
    void alpnDefaultsToH2ForBoringSslAndHttp11ElseAndCanBeChosen() throws Exception {
        List<SiteSpec> sites = read("""
                [b.lab.test]
                purpose = p
                tls = boringssl
                [c.lab.test]
                purpose = p
                [h1.lab.test]
                purpose = p
                tls = boringssl
                https.alpn = http/1.1
                [j.lab.test]
                purpose = p
                tls = jdk
                https.alpn = h2 http/1.1
                """);
        assertEquals(List.of("h2", "http/1.1"), sites.get(0).tls().alpn());
        assertEquals(List.of("http/1.1"), sites.get(1).tls().alpn());
        assertEquals(List.of("http/1.1"), sites.get(2).tls().alpn());
        assertEquals(List.of("h2", "http/1.1"), sites.get(3).tls().alpn());
    }

    @Test
    void anAlpnProtocolTheLabDoesNotSpeakIsNamed() {
        String message = error("[a.lab.test]\npurpose = p\nhttps.alpn = h3\n");
        assertTrue(message.contains(":3") && message.contains("'h3'") && message.contains("h2 and http/1.1"), message);
    }

    @Test
    void anExpectedErrorMustBeANetError() {
        assertTrue(error("[a.lab.test]\npurpose = p\nexpected-error = ERR_NOPE\n").contains("not a navemu NetError"));
    }

    @Test
    void otherMistakesAreNamedToo() {
        assertTrue(error("[a.lab.test]\n").contains("needs 'purpose"));
        assertTrue(error("purpose = p\n").contains("before the first [section]"));
        assertTrue(error("[a.lab.test]\npurpose = p\n[a.lab.test]\npurpose = q\n").contains("described twice"));
        assertTrue(error("[a.lab.test]\npurpose = p\ntls.versions = TLSv1.1\n").contains("unsupported version"));
        assertTrue(error("[a.lab.test]\npurpose = p\nhttps.redirect = /a 200 /b\n").contains("PATH STATUS LOCATION"));
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = none\n").contains("serves neither"));
        assertTrue(error("[a lab]\npurpose = p\n").contains("not a host name"));
        assertTrue(error("").contains("describes no site"));
        assertTrue(error("[a.lab.test]\npurpose = p\npurpose = q\n").contains("given twice"));
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = jdk\ntls.groups = secp256r1\n").contains("needs tls = bouncycastle"));
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = gnutls\n").contains("bouncycastle, jdk, none"));
    }

    @Test
    void boringSslTakesGroupsButNeitherADowngradedAnswerNorAStaple() {
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = boringssl\ntls.answer-version = TLSv1.2\n")
                .contains("needs tls = bouncycastle"));
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = boringssl\ntls.ocsp = good\n").contains("needs tls = bouncycastle"));
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = gnutls\n").contains("boringssl"));
    }

    @Test
    void opensslServesTls13OnlyWithItsOwnGroupsAndSuites() throws Exception {
        SiteSpec site = read("[a.lab.test]\npurpose = p\ntls = openssl\n").get(0);
        assertEquals("openssl", site.tls().server());
        assertEquals(List.of("TLSv1.3"), site.tls().versions());
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = openssl\ntls.versions = TLSv1.3 TLSv1.2\n").contains("TLSv1.3 only"));
        assertTrue(error("[a.lab.test]\npurpose = p\ntls = openssl\ntls.groups = x25519\n").contains("fixed arguments"));
    }

    @Test
    void theRepositorysCatalogReads() {
        Path config = Path.of("").toAbsolutePath().resolve("../../config/lab/sites.conf").normalize();
        List<SiteSpec> sites = SiteCatalogFile.read(config);
        assertTrue(sites.size() >= 25, "sites: " + sites.size());
    }

    @Test
    void aDohEndpointIsHttpsOnly() throws Exception {
        assertEquals(HttpBehaviour.Mode.DOH, read("[doh.lab.test]\npurpose = p\nhttps = doh\n").get(0).https().mode());
        String message = error("[doh.lab.test]\npurpose = p\nhttp = doh\n");
        assertTrue(message.contains(":3: 'doh' is for https only"), message);
    }
}
