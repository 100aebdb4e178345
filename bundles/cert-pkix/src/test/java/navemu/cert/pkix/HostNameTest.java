package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.leaf;
import static navemu.cert.pkix.TestPki.request;
import static navemu.cert.pkix.TestPki.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/** RFC 6125 §6.4 host name matching as browsers apply it (CA/Browser Forum BR §7.1.4.2.1). */
class HostNameTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    private CertVerdict validate(String host, Issued leaf) {
        return validator(pki.root).validate(request(host, leaf, pki.inter), StepTrace.NONE);
    }

    private void assertMatches(String host, Issued leaf) {
        CertVerdict verdict = validate(host, leaf);
        assertTrue(verdict.accepted(), host + ": " + verdict.reason());
    }

    private void assertNameInvalid(String host, Issued leaf) {
        CertVerdict verdict = validate(host, leaf);
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, verdict.error(), host + ": " + verdict.reason());
        assertTrue(verdict.reason().contains("host name"), verdict.reason());
    }

    @Test
    void theExactNameMatches() {
        assertMatches("www.test.example", leaf("www.test.example", pki.inter).issue());
    }

    @Test
    void namesCompareCaseInsensitively() {
        assertMatches("WWW.Test.EXAMPLE", leaf("www.test.example", pki.inter).issue());
        assertMatches("www.test.example", leaf("WWW.TEST.example", pki.inter).issue());
    }

    @Test
    void aTrailingDotIsIgnored() {
        assertMatches("www.test.example.", leaf("www.test.example", pki.inter).issue());
    }

    @Test
    void anotherNameIsCommonNameInvalid() {
        assertNameInvalid("mail.test.example", leaf("www.test.example", pki.inter).issue());
    }

    @Test
    void aWildcardMatchesOneLeftMostLabel() {
        assertMatches("a.wildcard.test.example", leaf("*.wildcard.test.example", pki.inter).issue());
    }

    @Test
    void aWildcardDoesNotMatchTheBareDomain() {
        assertNameInvalid("wildcard.test.example", leaf("*.wildcard.test.example", pki.inter).issue());
    }

    @Test
    void aWildcardDoesNotMatchTwoLabels() {
        assertNameInvalid("a.b.wildcard.test.example", leaf("*.wildcard.test.example", pki.inter).issue());
    }

    @Test
    void aWildcardNotInTheLeftMostLabelNeverMatches() {
        assertNameInvalid("www.a.test.example", leaf("www.*.test.example", pki.inter).issue());
    }

    @Test
    void aPartialWildcardLabelNeverMatches() {
        assertNameInvalid("foo.test.example", leaf("f*.test.example", pki.inter).issue());
    }

    @Test
    void aWildcardOverATopLevelDomainNeverMatches() {
        assertNameInvalid("example", leaf("*", pki.inter).issue());
        assertNameInvalid("test.example", leaf("*.example", pki.inter).issue());
    }

    @Test
    void anIpLiteralMatchesAnIpAddressSan() {
        assertMatches("127.0.0.1", leaf("localhost", pki.inter).ip("127.0.0.1").issue());
        assertMatches("[::1]", leaf("localhost", pki.inter).ip("::1").issue());
    }

    @Test
    void anIpLiteralNeverMatchesADnsNameSan() {
        assertNameInvalid("127.0.0.1", leaf("127.0.0.1", pki.inter).issue());
    }

    @Test
    void anotherIpAddressIsCommonNameInvalid() {
        assertNameInvalid("127.0.0.2", leaf("localhost", pki.inter).ip("127.0.0.1").issue());
    }

    @Test
    void theCommonNameIsNeverUsed() {
        Issued cnOnly = leaf("www.test.example", pki.inter).noSan().issue();
        CertVerdict verdict = validate("www.test.example", cnOnly);
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("Common Name is not used"), verdict.reason());
    }

    @Test
    void internationalNamesCompareAsALabels() {
        Issued idn = leaf("xn--bcher-kva.test.example", pki.inter).issue();
        assertMatches("bücher.test.example", idn);
        assertMatches("xn--bcher-kva.test.example", idn);
    }

    @Test
    void sharpSIsKeptAsUts46NonTransitionalDoesNotFassDe() {
        // IDNA 2003 (java.net.IDN) maps faß to fass, another domain; browsers use xn--fa-hia.
        assertMatches("faß.test.example", leaf("xn--fa-hia.test.example", pki.inter).issue());
        assertNameInvalid("faß.test.example", leaf("fass.test.example", pki.inter).issue());
    }

    @Test
    void aShortIpv4FormIsTheAddressItSpellsAsInTheUrl() {
        // The URL parser reads 1.2.3 as 1.2.0.3: it matches that iPAddress, never a dNSName "1.2.3".
        assertMatches("1.2.3", leaf("localhost", pki.inter).ip("1.2.0.3").issue());
        assertNameInvalid("1.2.3", leaf("1.2.3", pki.inter).issue());
    }
}
