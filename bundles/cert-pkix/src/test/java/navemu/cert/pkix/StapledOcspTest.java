package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;
import static navemu.cert.pkix.TestPki.NOW;
import static navemu.cert.pkix.TestPki.request;
import static navemu.cert.pkix.TestPki.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/** Revocation from a stapled OCSP response (RFC 6960), with Chromium's soft-fail for unusable ones. */
class StapledOcspTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    private static byte[] ocsp(Issued leaf, Issued issuer, CertificateStatus status, Instant thisUpdate,
                               Instant nextUpdate, KeyPair signer, X509CertificateHolder... certs) throws Exception {
        CertificateID id = new CertificateID(new BcDigestCalculatorProvider().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer.der()), leaf.parsed().serialNumber());
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.name()));
        builder.addResponse(id, status, Date.from(thisUpdate), nextUpdate == null ? null : Date.from(nextUpdate), null);
        BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()),
                certs, Date.from(thisUpdate));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    private static RevokedStatus revoked() {
        return new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(3))), CRLReason.keyCompromise);
    }

    private CertVerdict validate(byte[] stapled) {
        return validator(pki.root).validate(request(HOST, stapled, pki.leaf, pki.inter), StepTrace.NONE);
    }

    @Test
    void noStapledResponseIsNotAnError() {
        CertVerdict verdict = validate(null);
        assertTrue(verdict.accepted());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("none stapled")), verdict.info().checks.toString());
    }

    @Test
    void aGoodResponseFromTheIssuerIsAccepted() throws Exception {
        byte[] good = ocsp(pki.leaf, pki.inter, CertificateStatus.GOOD, NOW.minus(Duration.ofHours(2)),
                NOW.plus(Duration.ofDays(3)), pki.inter.keys());
        CertVerdict verdict = validate(good);
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("good, signed by the issuer")),
                verdict.info().checks.toString());
    }

    @Test
    void aRevokedResponseFromTheIssuerIsRevoked() throws Exception {
        byte[] stapled = ocsp(pki.leaf, pki.inter, revoked(), NOW.minus(Duration.ofHours(2)),
                NOW.plus(Duration.ofDays(3)), pki.inter.keys());
        CertVerdict verdict = validate(stapled);
        assertFalse(verdict.accepted());
        assertEquals(NetError.ERR_CERT_REVOKED, verdict.error());
        assertTrue(verdict.reason().contains("leaf CN=" + HOST) && verdict.reason().contains("revoked"), verdict.reason());
    }

    @Test
    void aRevokedResponseFromADelegatedResponderIsRevoked() throws Exception {
        Issued responder = TestPki.cert("Test OCSP Responder").key("responder").issuer(pki.inter)
                .keyUsage(KeyUsage.digitalSignature).eku(KeyPurposeId.id_kp_OCSPSigning).issue();
        byte[] stapled = ocsp(pki.leaf, pki.inter, revoked(), NOW.minus(Duration.ofHours(2)),
                NOW.plus(Duration.ofDays(3)), responder.keys(), new X509CertificateHolder(responder.der()));
        CertVerdict verdict = validate(stapled);
        assertEquals(NetError.ERR_CERT_REVOKED, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains("delegated responder"), verdict.reason());
    }

    @Test
    void aStaleRevokedResponseIsIgnored() throws Exception {
        byte[] stale = ocsp(pki.leaf, pki.inter, revoked(), NOW.minus(Duration.ofDays(12)),
                NOW.minus(Duration.ofDays(5)), pki.inter.keys());
        CertVerdict verdict = validate(stale);
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("ignored: stale")), verdict.info().checks.toString());
    }

    @Test
    void aRevokedResponseOlderThanSevenDaysWithoutNextUpdateIsIgnored() throws Exception {
        byte[] old = ocsp(pki.leaf, pki.inter, revoked(), NOW.minus(Duration.ofDays(8)), null, pki.inter.keys());
        CertVerdict verdict = validate(old);
        assertTrue(verdict.accepted(), verdict.reason());
    }

    @Test
    void aBadlySignedRevokedResponseIsIgnored() throws Exception {
        byte[] forged = ocsp(pki.leaf, pki.inter, revoked(), NOW.minus(Duration.ofHours(2)),
                NOW.plus(Duration.ofDays(3)), TestPki.key("forger"));
        CertVerdict verdict = validate(forged);
        assertTrue(verdict.accepted(), verdict.reason());
        assertNull(verdict.error());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("ignored: its signature")),
                verdict.info().checks.toString());
    }

    @Test
    void aResponseThatIsNotOcspIsIgnored() {
        CertVerdict verdict = validate(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x00});
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("stapled OCSP") && c.contains("ignored")));
    }
}
