package navemu.shell.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.result.CertificateSummary;
import navemu.api.result.Header;
import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.trace.TraceEvent;
import navemu.api.trace.TraceEvent.Kind;
import navemu.shell.fixtures.Results;

/**
 * The HTML report as a browser shows it: rendered by headless Chromium (Debian's {@code chromium},
 * which CI installs), its DOM read back and a screenshot taken. Skipped, saying so, where Chromium
 * is not installed. Chromium runs with no network use of its own and a fresh profile, and is
 * killed if it takes longer than {@link #CHROMIUM_TIMEOUT_SECONDS}.
 */
@Timeout(180)
class HtmlReportChromiumTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("navemu.chromium", "/usr/bin/chromium"));
    private static final long CHROMIUM_TIMEOUT_SECONDS = 60;

    @TempDir
    static Path dir;

    private static Path page;
    private static String dom;
    private static Path screenshot;
    /** A one-hop TLS 1.3 navigation, every message traced (ChangeCipherSpec, NewSessionTicket, the GET and its 200). */
    private static String successDom;
    private static Path successScreenshot;
    /** A handshake the client ended at the Certificate with certificate_expired. */
    private static String failedDom;
    private static Path failedScreenshot;

    /** Each test is skipped, saying why, without Chromium (an assumption in {@code @BeforeAll} would hide the reason). */
    @BeforeEach
    void chromiumIsInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed (Debian package 'chromium'): "
                + "the HTML report is not rendered in a browser");
    }

    @BeforeAll
    static void renderTheReport() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            return;
        }
        screenshot = dir.resolve("report.png");
        dom = render("report", new HtmlReport().write(result(), handshake()), screenshot);
        successScreenshot = dir.resolve("success.png");
        successDom = render("success", new HtmlReport().write(success(), successEvents()), successScreenshot);
        failedScreenshot = dir.resolve("failed.png");
        failedDom = render("failed", new HtmlReport().write(failed(), failedEvents()), failedScreenshot);
    }

    /** Writes the page, has Chromium dump its DOM and take a screenshot; returns the DOM. */
    private static String render(String name, String html, Path png) throws IOException, InterruptedException {
        page = dir.resolve(name + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        String rendered = new String(chromium(dir.resolve(name + "-dom-profile"), "--dump-dom"), StandardCharsets.UTF_8);
        chromium(dir.resolve(name + "-png-profile"), "--screenshot=" + png, "--window-size=1200,1600", "--hide-scrollbars");
        // Keep a copy for a person to look at when asked (-Dnavemu.screenshot=DIR/PREFIX: PREFIX-NAME.png).
        String keep = System.getProperty("navemu.screenshot");
        if (keep != null) {
            Files.copy(png, Path.of(keep + "-" + name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return rendered;
    }

    /** Runs Chromium headless on the page with a profile of its own; returns its standard output. */
    private static byte[] chromium(Path profile, String... action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createDirectories(profile)));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Path err = Files.createTempFile(dir, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(CHROMIUM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium took longer than " + CHROMIUM_TIMEOUT_SECONDS + " s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + command + "\n" + read(err));
        return Files.readAllBytes(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Test
    void theRenderedPageShowsTheLadder() {
        assertTrue(dom.contains("id=\"ladder\""), dom);
        for (String message : List.of("ClientHello", "ServerHello", "EncryptedExtensions", "Certificate",
                "CertificateVerify", "Finished")) {
            assertTrue(dom.contains(message), message + " in\n" + dom);
        }
        assertTrue(dom.contains("TLS_AES_128_GCM_SHA256") && dom.contains("x25519"), "the ladder's key fields");
    }

    @Test
    void theRenderedPageShowsAWaterfallRowPerStep() {
        assertTrue(dom.contains("id=\"waterfall\""), dom);
        int bars = dom.split("class=\"bar", -1).length - 1;
        assertEquals(9, bars, "one bar per step: hsts on the HSTS upgrade, dns tcp tls http on the 301 hop, "
                + "dns tcp tls http on the final request\n" + dom);
        assertTrue(dom.contains("request 1: http://lab.test/") && dom.contains("307 internal redirect (HSTS)"), dom);
        assertTrue(dom.contains("request 2: https://lab.test/") && dom.contains("request 3: https://www.lab.test/"), dom);
        for (String step : List.of("hsts", "dns", "tcp", "tls", "http")) {
            assertTrue(dom.contains("✓ " + step), step + " row in\n" + dom);
        }
    }

    @Test
    void theWaterfallDrawsOneBarPerRequestSplitIntoItsPhases() {
        assertTrue(dom.contains("<svg class=\"waterfall\""), dom);
        assertEquals(3, count(dom, "<g class=\"request"), "the HSTS upgrade, the 301 hop, the final request");
        assertEquals(1, count(dom, "class=\"phase hsts"), "only the first request looks HSTS up… " + dom);
        assertEquals(2, count(dom, "class=\"phase dns"));
        assertEquals(2, count(dom, "class=\"phase connect"));
        assertEquals(2, count(dom, "class=\"phase ssl"));
        // The final request's http step is timed (sendMs, waitMs, receiveMs): sent, waiting, download.
        assertEquals(1, count(dom, "class=\"phase send"));
        assertEquals(1, count(dom, "class=\"phase download"));
        assertEquals(2, count(dom, "class=\"phase wait"), "the 301 hop's untimed http step is all waiting");
        assertEquals(0, count(dom, " failed\""), "nothing failed");
    }

    @Test
    void aSuccessfulHandshakeIsASequenceDiagramWithAnArrowPerMessage() {
        assertTrue(successDom.contains("class=\"diagram\""), successDom);
        List<String> arrows = arrows(successDom);
        assertEquals(List.of("c2s:ClientHello (250 B)", "s2c:ServerHello (90 B)", "s2c:ChangeCipherSpec (6 B)",
                "s2c:EncryptedExtensions (20 B)", "s2c:Certificate (1100 B)", "s2c:CertificateVerify (78 B)", "s2c:Finished (36 B)",
                "c2s:ChangeCipherSpec (6 B)", "c2s:Finished (36 B)", "c2s:GET / (74 B)", "s2c:NewSessionTicket (200 B)",
                "s2c:HTTP/1.1 200 OK (363 B)"), arrows, "the client's compatibility ChangeCipherSpec is drawn in its own flight");
        assertEquals(2, count(successDom, " application\""), "the GET and its response");
        assertEquals(2, count(successDom, "class=\"round-trip\""), "the handshake's round trip and the request's");
        assertEquals(4, count(successDom, "class=\"flight\""), "client, server, client, server");
        assertTrue(successDom.contains("cipherSuite=TLS_AES_128_GCM_SHA256"), "fields beside the arrow");
        assertTrue(successDom.contains("<title>ServerHello (90 B)\nversion=TLSv1.3\ncipherSuite=TLS_AES_128_GCM_SHA256\ngroup=x25519"),
                "every field on hover");
        assertFalse(successDom.contains("id=\"failure\""));
        assertTrue(successDom.contains("id=\"headers\"") && successDom.contains("request: GET / HTTP/1.1")
                && successDom.contains("response: HTTP/1.1 200 OK") && successDom.contains("text/html; charset=utf-8"), successDom);
        assertTrue(successDom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !successDom.contains("<script>alert(1)"),
                "a hostile header value is text, not markup");
    }

    @Test
    void aFailedNavigationIsShownFailedAndItsDiagramStopsWhereTheHandshakeStopped() {
        assertTrue(failedDom.contains("id=\"failure\""), failedDom);
        assertTrue(failedDom.contains("ERR_CERT_DATE_INVALID"));
        assertTrue(failedDom.contains("<b class=\"failed-step\">tls</b>"), "the failing step is named");
        assertTrue(failedDom.contains("alert sent: <b>certificate_expired</b>"));
        assertTrue(failedDom.contains("<tr class=\"failed\">"), "the step's row is highlighted");
        assertEquals(1, count(failedDom, "class=\"phase ssl failed\""), "the waterfall's SSL phase is red");
        List<String> arrows = arrows(failedDom);
        assertEquals(List.of("c2s:ClientHello (250 B)", "s2c:ServerHello (90 B)", "s2c:EncryptedExtensions (20 B)",
                "s2c:Certificate (1100 B)", "c2s:Alert: certificate_expired"), arrows, "nothing after the Certificate but the alert");
        assertEquals(1, count(failedDom, "class=\"message c2s alert\""));
        assertTrue(failedDom.contains("the handshake stopped at Certificate: ERR_CERT_DATE_INVALID"), failedDom);
        assertTrue(failedDom.contains("class=\"verdict bad\""), "the certificate verdict is red");
        assertTrue(failedDom.contains("CN=expired.lab.test"));
        assertTrue(failedDom.contains("no request was sent: the navigation stopped at the tls step"), failedDom);
    }

    @Test
    void theFailedReportIsVisiblyRed() throws IOException {
        BufferedImage image = ImageIO.read(failedScreenshot.toFile());
        int red = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (r > 180 && g < 80 && b < 90) {
                    red++;
                }
            }
        }
        assertTrue(red > 200, "red pixels (the failure box, the alert, the failed bar): " + red);
        assertTrue(Files.size(successScreenshot) > 10_000, "the successful report renders: " + Files.size(successScreenshot));
    }

    /** Each arrow of the page's diagrams, in order: direction and label. */
    private static List<String> arrows(String html) {
        List<String> arrows = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("<g class=\"message (c2s|s2c)[^\"]*\"><title>([^\n<]*)").matcher(html);
        while (matcher.find()) {
            arrows.add(matcher.group(1) + ":" + matcher.group(2));
        }
        return arrows;
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void theRenderedPageShowsTheCertificateSubjects() {
        assertTrue(dom.contains("id=\"certificates\""), dom);
        assertTrue(dom.contains("CN=www.lab.test") && dom.contains("CN=navemu lab intermediate")
                && dom.contains("CN=navemu lab root"), dom);
    }

    @Test
    void theScreenshotIsAPictureOfAPage() throws IOException {
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of a full page is more than 10 kB: " + Files.size(screenshot));
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(1200, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        // Text anti-aliasing alone gives dozens of shades; a blank or error page has a handful.
        assertTrue(colours.size() > 20, "distinct colours in the screenshot: " + colours.size());
    }

    /** tls13 step events as the navigator reports them: a TLS 1.3 full handshake in two flights. */
    private static List<TraceEvent> handshake() {
        List<TraceEvent> events = new ArrayList<>();
        events.add(event(Kind.STEP_START, 0, "tls", Map.of()));
        events.add(event(Kind.SENT, 20, "ClientHello", fields("length", "250", "versions", "TLSv1.3,TLSv1.2",
                "groups", "x25519,secp256r1", "sni", "www.lab.test")));
        events.add(event(Kind.ROUND_TRIP, 30, "rtt", fields("count", "1")));
        events.add(event(Kind.RECEIVED, 900, "ServerHello", fields("length", "90", "version", "TLSv1.3",
                "cipherSuite", "TLS_AES_128_GCM_SHA256", "group", "x25519")));
        events.add(event(Kind.RECEIVED, 910, "EncryptedExtensions", fields("length", "20")));
        events.add(event(Kind.RECEIVED, 950, "Certificate", fields("length", "1100", "subject", "CN=www.lab.test")));
        events.add(event(Kind.RECEIVED, 990, "CertificateVerify", fields("length", "78", "scheme", "ecdsa_secp256r1_sha256")));
        events.add(event(Kind.RECEIVED, 1000, "Finished", fields("length", "36")));
        events.add(event(Kind.SENT, 1100, "Finished", fields("length", "36")));
        events.add(event(Kind.STEP_END, 1200, "tls", Map.of()));
        return events;
    }

    private static TraceEvent event(Kind kind, long atMicros, String name, Map<String, String> fields) {
        return new TraceEvent(kind, "tls", "tls13-ecdhe", atMicros * 1000, name, "", fields, 0);
    }

    private static TraceEvent event(String step, Kind kind, long atMicros, String name, Map<String, String> fields) {
        return new TraceEvent(kind, step, step.equals("tls") ? "tls13-ecdhe" : "", atMicros * 1000, name, "", fields, 0);
    }

    /** One hop: hsts, dns, tcp, a full TLS 1.3 handshake with compatibility ChangeCipherSpecs, a ticket, the GET. */
    private static List<TraceEvent> successEvents() {
        List<TraceEvent> events = new ArrayList<>();
        for (String step : List.of("hsts", "dns", "tcp")) {
            events.add(event(step, Kind.STEP_START, 0, step, Map.of()));
            events.add(event(step, Kind.STEP_END, 10, step, Map.of()));
        }
        events.add(event("tls", Kind.STEP_START, 20, "tls", Map.of()));
        events.add(event("tls", Kind.SENT, 30, "ClientHello", fields("length", "250", "sni", "www.lab.test")));
        events.add(event("tls", Kind.ROUND_TRIP, 31, "rtt", Map.of()));
        events.add(event("tls", Kind.RECEIVED, 900, "ServerHello", fields("length", "90", "version", "TLSv1.3",
                "cipherSuite", "TLS_AES_128_GCM_SHA256", "group", "x25519")));
        events.add(event("tls", Kind.RECEIVED, 901, "ChangeCipherSpec", fields("length", "6")));
        // Our client sends its compatibility CCS as soon as the ServerHello is in, amid the server's flight.
        events.add(event("tls", Kind.SENT, 902, "ChangeCipherSpec", fields("length", "6")));
        events.add(event("tls", Kind.RECEIVED, 910, "EncryptedExtensions", fields("length", "20")));
        events.add(event("tls", Kind.RECEIVED, 950, "Certificate", fields("length", "1100", "subject", "CN=www.lab.test")));
        events.add(event("tls", Kind.RECEIVED, 990, "CertificateVerify", fields("length", "78")));
        events.add(event("tls", Kind.RECEIVED, 1000, "Finished", fields("length", "36")));
        events.add(event("tls", Kind.SENT, 1100, "Finished", fields("length", "36")));
        events.add(event("tls", Kind.STEP_END, 1200, "tls", Map.of()));
        events.add(event("http", Kind.STEP_START, 1210, "http", Map.of()));
        events.add(event("http", Kind.SENT, 1220, "GET /", fields("length", "74", "Host", "www.lab.test")));
        events.add(event("http", Kind.ROUND_TRIP, 1221, "rtt", Map.of()));
        // A TLS 1.3 ticket arrives after the handshake, ahead of the response.
        events.add(event("tls", Kind.RECEIVED, 1500, "NewSessionTicket", fields("length", "200", "lifetime", "7200")));
        events.add(event("http", Kind.RECEIVED, 1600, "HTTP/1.1 200 OK", fields("length", "363", "status", "200")));
        events.add(event("http", Kind.STEP_END, 1700, "http", Map.of()));
        return events;
    }

    private static NavigationResult success() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        result.startedAt = "2026-11-22T10:00:00Z";
        result.steps.get(4).detail.put("sendMs", 0.4);
        result.steps.get(4).detail.put("waitMs", 1.1);
        result.steps.get(4).detail.put("receiveMs", 0.5);
        result.http.headers.add(new Header("Content-Type", "text/html; charset=utf-8"));
        result.http.headers.add(new Header("X-Hostile", "<script>alert(1)</script>"));
        return result;
    }

    /** The expired site: the client read the Certificate, the cert slot said expired, certificate_expired went out. */
    private static List<TraceEvent> failedEvents() {
        List<TraceEvent> events = new ArrayList<>();
        for (String step : List.of("hsts", "dns", "tcp")) {
            events.add(event(step, Kind.STEP_START, 0, step, Map.of()));
            events.add(event(step, Kind.STEP_END, 10, step, Map.of()));
        }
        events.add(event("tls", Kind.STEP_START, 20, "tls", Map.of()));
        events.add(event("tls", Kind.SENT, 30, "ClientHello", fields("length", "250")));
        events.add(event("tls", Kind.ROUND_TRIP, 31, "rtt", Map.of()));
        events.add(event("tls", Kind.RECEIVED, 900, "ServerHello", fields("length", "90", "version", "TLSv1.3")));
        events.add(event("tls", Kind.RECEIVED, 910, "EncryptedExtensions", fields("length", "20")));
        events.add(event("tls", Kind.RECEIVED, 950, "Certificate", fields("length", "1100", "subject", "CN=expired.lab.test")));
        events.add(new TraceEvent(Kind.STEP_ERROR, "tls", "tls13-ecdhe", 960_000, "ERR_CERT_DATE_INVALID", "expired", Map.of(), 1));
        return events;
    }

    private static NavigationResult failed() {
        NavigationResult result = Results.certificateExpired("https://expired.lab.test/", "tls13-ecdhe");
        result.startedAt = "2026-11-22T10:00:00Z";
        result.cert.problems.add("certificate 1 (CN=expired.lab.test): expired on 2026-01-01T00:00:00Z");
        result.cert.chain.add(new CertificateSummary("CN=expired.lab.test", "CN=navemu lab intermediate",
                List.of("expired.lab.test"), "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "EC", 256, "SHA256withECDSA",
                "0badc0de", false));
        return result;
    }

    private static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** http://lab.test/ upgraded by HSTS, moved (301) to https://www.lab.test/, answered 200. */
    private static NavigationResult result() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        result.url = "http://lab.test/";
        result.startedAt = "2026-11-22T10:00:00Z";
        result.composition.put("dns", "dnsjava");
        result.composition.put("tcp", "socket");
        result.composition.put("cert", "pkix");
        result.composition.put("hsts", "memory");
        result.composition.put("session", "memory");
        result.steps.remove(0);
        for (StepResult step : result.steps) {
            step.startMs += 20;
        }
        result.totalMs += 20;
        result.steps.get(3).detail.put("bytes", "123");
        result.steps.get(3).detail.put("sendMs", 0.3);
        result.steps.get(3).detail.put("waitMs", 1.2);
        result.steps.get(3).detail.put("receiveMs", 0.5);
        result.cert.chain.add(new CertificateSummary("CN=www.lab.test", "CN=navemu lab intermediate", List.of("www.lab.test"),
                "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "EC", 256, "SHA256withECDSA", "a1b2c3d4", false));
        result.cert.chain.add(new CertificateSummary("CN=navemu lab intermediate", "CN=navemu lab root", List.of(),
                "2026-01-01T00:00:00Z", "2031-01-01T00:00:00Z", "EC", 384, "SHA384withECDSA", "e5f6a7b8", false));
        result.cert.chain.add(new CertificateSummary("CN=navemu lab root", "CN=navemu lab root", List.of(),
                "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z", "EC", 384, "SHA384withECDSA", "c9d0e1f2", true));

        Hop upgrade = new Hop();
        upgrade.url = "http://lab.test/";
        upgrade.internal = true;
        upgrade.location = "https://lab.test/";
        upgrade.steps.add(Results.step("hsts", "memory", 0, 0.2, 0));
        result.redirects.add(upgrade);

        Hop moved = new Hop();
        moved.url = "https://lab.test/";
        moved.status = 301;
        moved.location = "https://www.lab.test/";
        moved.steps.add(Results.step("dns", "dnsjava", 0.2, 2.5, 1));
        moved.steps.add(Results.step("tcp", "socket", 2.7, 0.5, 1));
        moved.steps.add(Results.step("tls", "tls13-ecdhe", 3.2, 12.0, 1));
        moved.steps.add(Results.step("http", "", 15.2, 2.0, 1));
        result.redirects.add(moved);
        return result;
    }
}
