package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import navemu.api.NavigationException;
import navemu.api.NetError;

class TargetUrlTest {

    @Test
    void aPlainHttpsUrlHasNoExplicitPortAndRootPath() throws NavigationException {
        TargetUrl url = TargetUrl.parse("https://WWW.Lab.Test./");
        assertEquals("https", url.scheme());
        assertEquals("www.lab.test", url.host());
        assertEquals(-1, url.explicitPort());
        assertEquals("/", url.requestTarget());
        assertEquals("www.lab.test", url.hostHeader());
    }

    @Test
    void queryIsKeptAndFragmentDropped() throws NavigationException {
        assertEquals("/p?q=1", TargetUrl.parse("http://h.test/p?q=1#frag").requestTarget());
    }

    @Test
    void aNonDefaultPortAppearsInTheHostHeader() throws NavigationException {
        assertEquals("h.test:8443", TargetUrl.parse("https://h.test:8443/").hostHeader());
        assertEquals("h.test", TargetUrl.parse("https://h.test:443/").hostHeader());
    }

    @Test
    void internationalNamesBecomeALabels() throws NavigationException {
        assertEquals("xn--bcher-kva.test", TargetUrl.parse("https://bücher.test/").host());
    }

    @Test
    void anHstsUpgradeMapsPort80To443() throws NavigationException {
        // http's default port 80 is not even written (WHATWG); https's default is not either.
        assertEquals("https://h.test/x", TargetUrl.parse("http://h.test:80/x").upgradedToHttps().toString());
        assertEquals("https://h.test/x", TargetUrl.parse("http://h.test:443/x").upgradedToHttps().toString());
        assertEquals("https://h.test/x", TargetUrl.parse("http://h.test/x").upgradedToHttps().toString());
        assertEquals("https://h.test:8080/", TargetUrl.parse("http://h.test:8080/").upgradedToHttps().toString());
    }

    @Test
    void relativeLocationsResolveAgainstTheUrl() throws NavigationException {
        TargetUrl base = TargetUrl.parse("https://h.test/a/b");
        assertEquals("https://h.test/a/c", base.resolve("c").toString());
        assertEquals("https://h.test/d", base.resolve("/d").toString());
        assertEquals("http://other.test/", base.resolve("http://other.test/").toString());
    }

    @Test
    void ipLiteralsAreRecognised() throws NavigationException {
        assertTrue(TargetUrl.parse("http://127.0.0.1/").hostIsIpLiteral());
        assertTrue(TargetUrl.parse("http://[::1]:8080/").hostIsIpLiteral());
        assertEquals("::1", TargetUrl.parse("http://[::1]:8080/").host());
    }

    @Test
    void theHostIsParsedOnceAsEveryOtherStepParsesIt() throws NavigationException {
        assertEquals("xn--fa-hia.lab.test", TargetUrl.parse("https://faß.lab.test/").host());
        assertEquals("1.2.0.3", TargetUrl.parse("http://1.2.3/").host());
        assertTrue(TargetUrl.parse("http://1.2.3/").hostIsIpLiteral());
        assertTrue(TargetUrl.parse("http://0x7f.1/").hostIsIpLiteral());
    }

    @Test
    void aNegativePortIsAnInvalidUrlNotNoPort() {
        assertEquals(NetError.ERR_INVALID_URL,
                assertThrows(NavigationException.class, () -> TargetUrl.parse("https://host:-1/")).error());
    }

    @Test
    void absoluteRedirectTargetsGoThroughTheSameHostParser() throws NavigationException {
        TargetUrl base = TargetUrl.parse("https://h.test/a");
        assertEquals("https://xn--fa-hia.de/", base.resolve("https://faß.de/").toString());
        assertEquals("https://other.test/x", base.resolve("//OTHER.test/x").toString());
    }

    @Test
    void badUrlsAreRefusedWithAClearReason() {
        assertEquals(NetError.ERR_INVALID_URL, assertThrows(NavigationException.class, () -> TargetUrl.parse("www.lab.test")).error());
        assertEquals(NetError.ERR_INVALID_URL, assertThrows(NavigationException.class, () -> TargetUrl.parse("https://")).error());
        assertEquals(NetError.ERR_INVALID_URL, assertThrows(NavigationException.class, () -> TargetUrl.parse("ht tp://x")).error());
        assertEquals(NetError.ERR_INVALID_URL, assertThrows(NavigationException.class, () -> TargetUrl.parse("")).error());
        assertEquals(NetError.ERR_DISALLOWED_URL_SCHEME, assertThrows(NavigationException.class, () -> TargetUrl.parse("ftp://h.test/")).error());
    }
}
