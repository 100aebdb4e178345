package navemu.hsts.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import navemu.api.hsts.HstsPolicy;

/** Reading a preload list in Chromium's transport_security_state_static.json entry format. */
class PreloadListTest {

    private static final Instant LIST_DATE = Instant.parse("2026-11-01T00:00:00Z");

    /** The list shipped in config/hsts (the tests run in bundles/hsts-preload). */
    static Path shippedList() {
        return Path.of("../../config/hsts/preload.json").toAbsolutePath().normalize();
    }

    @Test
    void theShippedListLoadsAndPreloadsTheLabHostWithItsSubdomains() throws Exception {
        PreloadList list = PreloadList.read(shippedList());
        HstsPolicy lab = list.match("preload.lab.test").orElseThrow();
        assertEquals("preload", lab.source());
        assertTrue(lab.includeSubDomains());
        assertEquals(Instant.MAX, lab.expires());
        assertEquals("preload.lab.test", list.match("www.preload.lab.test").orElseThrow().host());
        assertTrue(list.match("hsts.lab.test").isEmpty());
        assertTrue(list.match("lab.test").isEmpty());
        assertEquals("dev", list.match("web.dev").orElseThrow().host());
    }

    @Test
    void readsChromiumsFileFormatWithCommentsPinsetsAndPinsOnlyEntries() throws Exception {
        String chromium = """
                // Copyright The Chromium Authors
                {
                  "pinsets": [ { "name": "test", "static_spki_hashes": [ "TestSPKI" ] } ],
                  "entries": [
                    // Pins only: no HSTS.
                    { "name": "pinningtest.example", "policy": "test", "pins": "test", "include_subdomains_for_pinning": true },
                    { "name": "hsts.example", "policy": "test", "mode": "force-https", "include_subdomains": true },
                    { "name": "exact.example", "policy": "custom", "mode": "force-https" }
                  ]
                }
                """;
        PreloadList list = PreloadList.parse(chromium, "test.json", LIST_DATE);
        assertEquals(2, list.entries().size());
        assertEquals(1, list.skipped());
        assertTrue(list.match("pinningtest.example").isEmpty());
        assertEquals(LIST_DATE, list.match("a.hsts.example").orElseThrow().observed());
        assertTrue(list.match("exact.example").isPresent());
        assertFalse(list.match("www.exact.example").isPresent());
    }

    @Test
    void namesAreNormalised() throws Exception {
        PreloadList list = PreloadList.parse("""
                {"entries": [{"name": "Bücher.Example.", "policy": "custom", "mode": "force-https"}]}""",
                "t", LIST_DATE);
        assertEquals("xn--bcher-kva.example", list.entries().get(0).host());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{|not valid JSON",
            "[]|the document is not a JSON object",
            "{\"pinsets\": []}|\"entries\" is missing",
            "{\"entries\": [\"a.test\"]}|entry 1 is not a JSON object",
            "{\"entries\": [{\"policy\": \"test\"}]}|entry 1: \"name\" is missing",
            "{\"entries\": [{\"name\": \"10.0.0.1\", \"policy\": \"test\"}]}|entry 1: 10.0.0.1 is an IP literal",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"mine\"}]}|entry 1 (a.test): unknown policy \"mine\"",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"test\", \"mode\": \"https\"}]}|unknown mode \"https\"",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"test\", \"include_subdomains\": \"yes\"}]}|\"include_subdomains\" must be true or false",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"test\", \"includeSubDomains\": true}]}|unknown key \"includeSubDomains\"",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"test\", \"mode\": \"force-https\"}, {\"name\": \"A.test\", \"policy\": \"test\", \"mode\": \"force-https\"}]}|entry 2: a.test is listed twice",
    })
    void aBrokenListIsRejectedAndTheMessageNamesTheEntry(String text, String reason) {
        InvalidPreloadListException e = assertThrows(InvalidPreloadListException.class,
                () -> PreloadList.parse(text, "preload.json", LIST_DATE));
        assertTrue(e.getMessage().startsWith("HSTS preload list preload.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        Path missing = Path.of("/nonexistent/preload.json");
        InvalidPreloadListException e = assertThrows(InvalidPreloadListException.class,
                () -> PreloadList.read(missing));
        assertTrue(e.getMessage().contains("/nonexistent/preload.json does not exist"), e.getMessage());
    }
}
