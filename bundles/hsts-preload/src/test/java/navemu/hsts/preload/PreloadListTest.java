package navemu.hsts.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                /* A block comment, as base::JSONReader's Chromium extensions allow. */
                {
                  "pinsets": [ { "name": "test", "static_spki_hashes": [ "TestSPKI" ], "report_uri": "http://r.example/" } ],
                  "entries": [
                    // Pins only: no HSTS.
                    { "name": "pinningtest.example", "policy": "test", "pins": "test", "include_subdomains_for_pinning": true },
                    { "name": "hsts.example", "policy": "test", "mode": "force-https", "include_subdomains": true },
                    { "name": "exact.example", "policy": "custom", "mode": "force-https" },
                    { "name": "legacy.example", "policy": "bulk-legacy", "mode": "force-https", "include_subdomains": true },
                    { "name": "weeks.example", "policy": "bulk-18-weeks", "mode": "force-https", "include_subdomains": true },
                    { "name": "year.example", "policy": "bulk-1-year", "mode": "force-https", "include_subdomains": true },
                    { "name": "suffix", "policy": "public-suffix", "mode": "force-https", "include_subdomains": true },
                    { "name": "requested", "policy": "public-suffix-requested", "mode": "force-https", "include_subdomains": true },
                    { "name": "g.example", "policy": "google", "mode": "force-https", "pins": "google",
                      "expect_ct": true, "expect_ct_report_uri": "https://report.example/ct",
                      "expect_staple": true, "expect_staple_report_uri": "https://report.example/staple",
                      "include_subdomains_for_expect_staple": true }
                  ]
                }
                """;
        PreloadList list = PreloadList.parse(chromium, "test.json", LIST_DATE);
        assertEquals(8, list.entries().size());
        assertEquals(1, list.skipped());
        assertTrue(list.match("pinningtest.example").isEmpty());
        assertEquals(LIST_DATE, list.match("a.hsts.example").orElseThrow().observed());
        assertTrue(list.match("exact.example").isPresent());
        assertFalse(list.match("www.exact.example").isPresent());
        for (String host : List.of("a.legacy.example", "a.weeks.example", "a.year.example", "a.suffix",
                "a.requested", "g.example")) {
            assertTrue(list.match(host).isPresent(), host);
        }
    }

    @Test
    void slashesInsideStringsAreNotComments() throws Exception {
        PreloadList list = PreloadList.parse("""
                {"entries": [{"name": "a.example", "policy": "custom", "mode": "force-https",
                  "expect_ct_report_uri": "https://r.example//x/*y*/"}]} // the end""", "t", LIST_DATE);
        assertTrue(list.match("a.example").isPresent());
    }

    /**
     * Chromium's real list: apis.google.com forces HTTPS with includeSubDomains, and
     * chart.apis.google.com is listed on purpose without a mode (it is used over http://). In
     * Chromium's lookup the most specific listed name decides, so chart.apis.google.com and the
     * names under it are not upgraded.
     */
    @Test
    void theMostSpecificListedNameDecidesPinsOnlyEntriesIncluded() throws Exception {
        PreloadList list = PreloadList.parse("""
                {"entries": [
                  { "name": "apis.google.com", "policy": "google", "mode": "force-https", "include_subdomains": true, "pins": "google" },
                  { "name": "chart.apis.google.com", "policy": "google", "include_subdomains": true, "pins": "google" },
                  { "name": "example.com", "policy": "custom", "mode": "force-https", "include_subdomains": true },
                  { "name": "www.example.com", "policy": "custom", "mode": "force-https" },
                  { "name": "doubleclick.net", "policy": "google", "mode": "force-https", "include_subdomains": true },
                  { "name": "learn.doubleclick.net", "policy": "google", "include_subdomains": true }
                ]}""", "t", LIST_DATE);
        assertEquals("apis.google.com", list.match("apis.google.com").orElseThrow().host());
        assertEquals("apis.google.com", list.match("www.apis.google.com").orElseThrow().host());
        assertTrue(list.match("chart.apis.google.com").isEmpty());
        assertTrue(list.match("a.chart.apis.google.com").isEmpty());
        assertTrue(list.match("learn.doubleclick.net").isEmpty());
        assertEquals("doubleclick.net", list.match("ad.doubleclick.net").orElseThrow().host());
        // www.example.com is listed without includeSubDomains: it decides for the names under it too.
        assertEquals("www.example.com", list.match("www.example.com").orElseThrow().host());
        assertTrue(list.match("a.www.example.com").isEmpty());
        assertEquals("example.com", list.match("a.example.com").orElseThrow().host());
        assertTrue(list.get("chart.apis.google.com").isEmpty());
    }

    @Test
    void valuesOfTheWrongTypeReadAsAbsentAsInChromiumsParser() throws Exception {
        PreloadList list = PreloadList.parse("""
                {"entries": [{"name": "a.test", "policy": "test", "mode": "force-https", "include_subdomains": "yes"},
                             {"name": "b.test", "policy": "test", "mode": true}]}""", "t", LIST_DATE);
        assertFalse(list.match("a.test").orElseThrow().includeSubDomains());
        assertTrue(list.match("b.test").isEmpty());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{|not valid JSON",
            "[]|the document is not a JSON object",
            "{\"pinsets\": []}|\"entries\" is missing",
            "{'entries': []}|not valid JSON",
            "{\"entries\": [\"a.test\"]}|entry 1 is not a JSON object",
            "{\"entries\": [{\"policy\": \"test\"}]}|entry 1: \"name\" is missing",
            "{\"entries\": [{\"name\": \"\", \"policy\": \"test\"}]}|entry 1: \"name\" is missing, empty",
            "{\"entries\": [{\"name\": \"10.0.0.1\", \"policy\": \"test\"}]}|entry 1: 10.0.0.1 is an IP literal",
            "{\"entries\": [{\"name\": \"A.test\", \"policy\": \"test\"}]}|entry 1: \"A.test\" is not in canonical form",
            "{\"entries\": [{\"name\": \"a.test.\", \"policy\": \"test\"}]}|is not in canonical form",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"mine\"}]}|entry 1 (a.test): policy \"mine\" is not one of Chromium's",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"bulk-hsts\"}]}|entry 1 (a.test): policy \"bulk-hsts\" is not one of Chromium's",
            "{\"entries\": [{\"name\": \"a.test\", \"mode\": \"force-https\"}]}|entry 1 (a.test): no \"policy\"",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"test\", \"mode\": \"https\"}]}|unknown mode \"https\"",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"test\", \"includeSubDomains\": true}]}|unknown key \"includeSubDomains\"",
            "{\"entries\": [{\"name\": \"a.test\", \"policy\": \"test\", \"mode\": \"force-https\"}, {\"name\": \"a.test\", \"policy\": \"test\"}]}|entry 2 (a.test): listed twice",
    })
    void aBrokenListIsRejectedAndTheMessageNamesTheEntry(String text, String reason) {
        InvalidPreloadListException e = assertThrows(InvalidPreloadListException.class,
                () -> PreloadList.parse(text, "preload.json", LIST_DATE));
        assertTrue(e.getMessage().startsWith("HSTS preload list preload.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(PreloadList.MAX_BYTES + 1); // sparse: no disk, no heap
        }
        InvalidPreloadListException e = assertThrows(InvalidPreloadListException.class, () -> PreloadList.read(huge));
        assertTrue(e.getMessage().contains("more than the " + PreloadList.MAX_BYTES), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        Path missing = Path.of("/nonexistent/preload.json");
        InvalidPreloadListException e = assertThrows(InvalidPreloadListException.class,
                () -> PreloadList.read(missing));
        assertTrue(e.getMessage().contains("/nonexistent/preload.json does not exist"), e.getMessage());
    }

    /** A list of today's size and shape (~180,000 entries) loads whole, with every entry where it belongs. */
    @Test
    void aListOfTodaysSizeLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("transport_security_state_static.json");
        SyntheticPreloadList.write(file, SyntheticPreloadList.TODAYS_SIZE);
        PreloadList list = PreloadList.read(file);
        assertEquals(SyntheticPreloadList.TODAYS_SIZE, list.size());
        assertEquals(SyntheticPreloadList.TODAYS_SIZE / 1000, list.skipped());
        String bulk = SyntheticPreloadList.name(179_999);
        assertEquals(bulk, list.match("a.b." + bulk).orElseThrow().host());
        assertTrue(list.match("www." + SyntheticPreloadList.name(1000)).isEmpty(), "a google entry without a mode");
        assertTrue(list.match("www." + SyntheticPreloadList.name(1003)).isEmpty(), "a custom entry without includeSubDomains");
        assertTrue(list.match("unlisted.example").isEmpty());
    }
}
