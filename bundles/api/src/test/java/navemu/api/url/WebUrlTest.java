package navemu.api.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import navemu.api.NavigationException;
import navemu.api.NetError;

/** The WHATWG URL Standard's parser for http and https, as far as a navigation needs it. */
class WebUrlTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.lab.test/                 | https://www.lab.test/",
            "https://WWW.LAB.TEST/                 | https://www.lab.test/",
            "HTTPS://www.lab.test                  | https://www.lab.test/",
            "https://faß.lab.test/                 | https://xn--fa-hia.lab.test/",
            "http://1.2.3/                         | http://1.2.0.3/",
            "http://0x7f.1:8080/x                  | http://127.0.0.1:8080/x",
            "http://[0:0::1]/                      | http://[::1]/",
            "https://h.test:443/                   | https://h.test/",
            "http://h.test:80/                     | http://h.test/",
            "https://h.test:08443/                 | https://h.test:8443/",
            "https://h.test:/                      | https://h.test/",
            "https:\\\\h.test\\a\\b                | https://h.test/a/b",
            "https:///h.test/                      | https://h.test/",
            "https://user:pw@h.test/               | https://h.test/",
            "https://h.test/a/./b/../c             | https://h.test/a/c",
            "https://h.test/a/%2e%2E/b             | https://h.test/b",
            "https://h.test/../../x                | https://h.test/x",
            "https://h.test/a/..                   | https://h.test/",
            "https://h.test/a b?q=\"x y\"#frag     | https://h.test/a%20b?q=%22x%20y%22",
            "https://h.test/ü?ü                    | https://h.test/%C3%BC?%C3%BC",
            "https://h.test?q                      | https://h.test/?q",
    })
    void urlsAreParsedAsABrowserShowsThem(String input, String expected) throws NavigationException {
        assertEquals(expected, WebUrl.parse(input).toString());
    }

    @Test
    void theHostIsLowerCasedByTheParserSoNothingRedirects() throws NavigationException {
        WebUrl url = WebUrl.parse("https://WWW.LAB.TEST/");
        assertEquals("www.lab.test", url.host().text());
        assertEquals(List.of(), url.notes());
    }

    @ParameterizedTest(name = "{0} is an invalid URL")
    @ValueSource(strings = {
            "https://host:-1/", "https://host:+1/", "https://host:0x50/", "https://host:65536/", "https://host:0/",
            "https://host:99999999999999999999/", "https://host:1:2/", "https://", "https:///", "https://:443/",
            "https://a b/", "https://a%20b/", "https://a\u0001b/", "https://a<b/", "https://1.2.3.4.5/",
            "https://xn--a/", "https://[::1/", "https://[::1]x/", "www.lab.test", "", "   ", "ht tp://x",
    })
    void invalidUrlsAreRefused(String input) {
        NavigationException e = assertThrows(NavigationException.class, () -> WebUrl.parse(input));
        assertEquals(NetError.ERR_INVALID_URL, e.error(), e.getMessage());
    }

    @Test
    void aNegativePortIsNamedInTheMessage() {
        NavigationException e = assertThrows(NavigationException.class, () -> WebUrl.parse("https://host:-1/"));
        assertTrue(e.getMessage().contains("invalid port '-1'"), e.getMessage());
    }

    @Test
    void otherSchemesAreDisallowedNotInvalid() {
        assertEquals(NetError.ERR_DISALLOWED_URL_SCHEME,
                assertThrows(NavigationException.class, () -> WebUrl.parse("ftp://h.test/")).error());
    }

    @Test
    void leadingAndTrailingControlsAndSpacesAreStrippedAndSaidSo() throws NavigationException {
        WebUrl url = WebUrl.parse("\u0000 https://h.test/ \u001F");
        assertEquals("https://h.test/", url.toString());
        assertEquals(List.of("dropped U+0000 (a control character), U+0020 (space) before the URL",
                "dropped U+0020 (space), U+001F (a control character) after the URL"), url.notes());
    }

    @Test
    void tabsAndNewlinesInsideAreRemovedAndSaidSo() throws NavigationException {
        WebUrl url = WebUrl.parse("https://www.la\tb.te\nst/pa\r\nth");
        assertEquals("https://www.lab.test/path", url.toString());
        assertEquals(List.of("removed U+0009 (tab), U+000A (line feed), U+000D (carriage return) inside the URL"),
                url.notes());
    }

    @Test
    void otherControlCharactersInTheHostMakeTheUrlInvalid() {
        NavigationException e = assertThrows(NavigationException.class, () -> WebUrl.parse("https://www.lab\u0007.test/"));
        assertTrue(e.getMessage().contains("U+0007"), e.getMessage());
    }

    @Test
    void aMissingOrBackslashedDoubleSlashIsReadLenientlyAndSaidSo() throws NavigationException {
        assertEquals(List.of("the URL should have '//' after 'https:'; read as https://"),
                WebUrl.parse("https:h.test/").notes());
    }
}
