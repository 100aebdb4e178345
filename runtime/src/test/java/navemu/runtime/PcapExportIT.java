package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * {@code export pcap} read by Debian's {@code tshark}, with nothing but the file: the TLS records
 * of real lab navigations (our TLS 1.3 client, our TLS 1.2 RSA client, the browser client on a
 * TLS 1.2 ECDHE site, and a plain http:// hop) decrypt with the key log embedded in the file, the
 * decrypted request line and response status are there, and tshark counts the connections and
 * packets navemu says it wrote. This test fails, never skips, without tshark: CI installs it
 * ({@code scripts/prerequisites.sh --tests}).
 */
@Timeout(400)
class PcapExportIT {
    private static final Path TSHARK = Path.of(System.getProperty("navemu.tshark", "/usr/bin/tshark"));
    private static final long TSHARK_TIMEOUT_SECONDS = 60;
    private static final Pattern WROTE = Pattern.compile("wrote (\\d+) connections? \\((\\d+) packets, (\\d+) key log lines\\)"
            + " as pcapng to (\\S+)");

    @TempDir
    static Path home;

    private static NavemuProcess.Outcome run;
    private static List<JsonObject> results;
    private static List<MatchResult> written;

    @BeforeAll
    static void navigateAndExport() throws Exception {
        assertTrue(Files.isExecutable(TSHARK), TSHARK + " is not installed (Debian package 'tshark'; "
                + "scripts/prerequisites.sh --tests installs it): the pcap export cannot be checked");
        run = NavemuProcess.run(home, "--json",
                "-c", "open http://www.lab.test/",
                "-c", "export pcap " + home.resolve("tls13.pcapng"),
                "-c", "open https://redirect.lab.test/",
                "-c", "export pcap " + home.resolve("redirects.pcapng"),
                "-c", "use tls tls12-rsa",
                "-c", "open https://rsa.lab.test/",
                "-c", "export pcap " + home.resolve("tls12-rsa.pcapng"),
                "-c", "use tls browser",
                "-c", "open https://tls12.lab.test/",
                "-c", "export pcap " + home.resolve("tls12-ecdhe.pcapng"),
                "-c", "use tls tls13-ecdhe",
                "-c", "open https://expired.lab.test/",
                "-c", "export pcap " + home.resolve("expired.pcapng"));
        // A failed navigation in a run without any expect makes the exit status 1; every command still ran.
        assertEquals(1, run.exitCode(), run.toString());
        results = run.jsonLines();
        written = new ArrayList<>();
        Matcher matcher = WROTE.matcher(run.stderr());
        while (matcher.find()) {
            written.add(matcher.toMatchResult());
        }
        assertEquals(5, results.size(), run.toString());
        assertEquals(5, written.size(), "one 'wrote' line per export:\n" + run);
    }

    @Test
    void tls13AndPlainHttpDecryptWithTheFileAlone() throws Exception {
        JsonObject result = results.get(0);
        assertEquals("TLSv1.3", result.getAsJsonObject("tls").get("version").getAsString(), result.toString());
        // The plain hop answers 301 to https://; the TLS 1.3 hop (www speaks h2) is decrypted down to
        // its HTTP/2 HEADERS frames: the request's :method and :path, the response's :status.
        assertEquals(List.of("GET / HTTP/1.1", "HTTP/1.1 301 Moved Permanently"), httpLines("tls13.pcapng"));
        assertEquals("h2", result.getAsJsonObject("tls").get("alpn").getAsString(), result.toString());
        assertEquals(List.of("GET /", "200"), http2Lines("tls13.pcapng"));
        assertStreamsAndPackets(0, "tls13.pcapng", 2);
    }

    @Test
    void aRedirectChainRidesOneConnectionAndEveryExchangeOnItDecrypts() throws Exception {
        JsonObject result = results.get(1);
        int hops = result.getAsJsonArray("redirects").size() + 1;
        assertEquals(6, hops, "redirect.lab.test: five redirects, then the page\n" + result);
        List<String> http = httpLines("redirects.pcapng");
        assertEquals(hops * 2, http.size(), http.toString());
        List<String> requests = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < http.size(); i += 2) {
            requests.add(http.get(i));
            statuses.add(http.get(i + 1).split(" ")[1]);
        }
        assertEquals(List.of("GET / HTTP/1.1", "GET /a HTTP/1.1", "GET /b HTTP/1.1", "GET /c HTTP/1.1", "GET /d HTTP/1.1",
                "GET /final HTTP/1.1"), requests);
        assertEquals(List.of("301", "302", "303", "307", "308", "200"), statuses);
        // One origin: the six requests ride one kept-alive TLS connection, as a browser's do.
        assertStreamsAndPackets(1, "redirects.pcapng", 1);
    }

    @Test
    void tls12RsaKeyExchangeDecryptsWithTheFileAlone() throws Exception {
        JsonObject tls = results.get(2).getAsJsonObject("tls");
        assertEquals("TLSv1.2", tls.get("version").getAsString());
        assertEquals("RSA", tls.get("keyExchange").getAsString());
        assertEquals(List.of("GET / HTTP/1.1", "HTTP/1.1 200 OK"), httpLines("tls12-rsa.pcapng"));
        assertStreamsAndPackets(2, "tls12-rsa.pcapng", 1);
    }

    @Test
    void tls12EcdheDecryptsWithTheFileAlone() throws Exception {
        JsonObject tls = results.get(3).getAsJsonObject("tls");
        assertEquals("TLSv1.2", tls.get("version").getAsString());
        assertEquals("ECDHE", tls.get("keyExchange").getAsString());
        assertEquals(List.of("GET / HTTP/1.1", "HTTP/1.1 200 OK"), httpLines("tls12-ecdhe.pcapng"));
        assertStreamsAndPackets(3, "tls12-ecdhe.pcapng", 1);
    }

    @Test
    void aRefusedHandshakeShowsTheClientsAlertDecryptedAndNoHttp() throws Exception {
        JsonObject result = results.get(4);
        assertEquals("ERR_CERT_DATE_INVALID", result.get("error").getAsString(), result.toString());
        String alerts = tshark("-r", home.resolve("expired.pcapng").toString(), "-Y", "tls.alert_message", "-T", "fields",
                "-e", "tcp.srcport", "-e", "tls.alert_message.level", "-e", "tls.alert_message.desc");
        String serverPort = String.valueOf(serverPort(result));
        // TLS 1.3 encrypts the client's alert under the handshake keys: only the embedded key log shows it.
        List<String> fromClient = alerts.lines().filter(line -> !line.startsWith(serverPort + "\t")).toList();
        assertEquals(List.of("2\t45"), fromClient.stream().map(line -> line.substring(line.indexOf('\t') + 1)).toList(),
                "one fatal certificate_expired (45) from navemu:\n" + alerts);
        assertEquals(List.of(), httpLines("expired.pcapng"), "no request was sent");
        assertStreamsAndPackets(4, "expired.pcapng", 1);
    }

    /** tshark's decrypted HTTP, in frame order: each request line ("GET / HTTP/1.1") and status line ("HTTP/1.1 200 OK"). */
    private static List<String> httpLines(String file) throws Exception {
        String out = tshark("-r", home.resolve(file).toString(), "-Y", "http", "-T", "fields",
                "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.request.version",
                "-e", "http.response.version", "-e", "http.response.code", "-e", "http.response.phrase");
        List<String> lines = new ArrayList<>();
        for (String row : out.split("\n")) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split("\t", -1);
            lines.add(f[0].isEmpty() ? f[3] + " " + f[4] + " " + f[5] : f[0] + " " + f[1] + " " + f[2]);
        }
        return lines;
    }

    /** tshark's decrypted HTTP/2 HEADERS frames, in order: "GET /" for a request, "200" for a response. */
    private static List<String> http2Lines(String file) throws Exception {
        String out = tshark("-r", home.resolve(file).toString(), "-Y", "http2.type == 1", "-T", "fields",
                "-e", "http2.headers.method", "-e", "http2.headers.path", "-e", "http2.headers.status");
        List<String> lines = new ArrayList<>();
        for (String row : out.split("\n")) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split("\t", -1);
            lines.add(f[0].isEmpty() ? f[2] : f[0] + " " + f[1]);
        }
        return lines;
    }

    /**
     * tshark finds as many TCP conversations as the navigation made connections, and as many
     * frames as navemu said it wrote; each connection is one TLS or HTTP stream between the
     * addresses and ports the result's tcp step names.
     */
    private static void assertStreamsAndPackets(int index, String file, int connections) throws Exception {
        MatchResult wrote = written.get(index);
        assertEquals(connections, Integer.parseInt(wrote.group(1)), wrote.group());
        int packets = Integer.parseInt(wrote.group(2));
        String path = home.resolve(file).toString();

        String io = tshark("-r", path, "-q", "-z", "io,stat,0");
        Matcher frames = Pattern.compile("\\|\\s*[0-9.]+\\s*<>\\s*(?:Dur|[0-9.]+)\\s*\\|\\s*(\\d+)\\s*\\|").matcher(io);
        assertTrue(frames.find(), io);
        assertEquals(packets, Integer.parseInt(frames.group(1)), io);

        String conversations = tshark("-r", path, "-q", "-z", "conv,tcp");
        long rows = conversations.lines().filter(line -> line.matches("^\\S+:\\d+\\s+<->\\s+\\S+:\\d+.*")).count();
        assertEquals(connections, rows, conversations);

        int port = serverPort(results.get(index));
        assertTrue(conversations.contains(":" + port + " "), "the last hop's server port " + port + " in\n" + conversations);
    }

    /**
     * The port the final hop's connection went to: its tcp step's, or, when it reused a connection,
     * the tcp step of the latest hop before it that made one.
     */
    private static int serverPort(JsonObject result) {
        List<com.google.gson.JsonArray> hops = new ArrayList<>();
        hops.add(result.getAsJsonArray("steps"));
        List<com.google.gson.JsonElement> redirects = result.getAsJsonArray("redirects").asList();
        for (int i = redirects.size() - 1; i >= 0; i--) {
            hops.add(redirects.get(i).getAsJsonObject().getAsJsonArray("steps"));
        }
        String remote = hops.stream().flatMap(steps -> steps.asList().stream()).map(s -> s.getAsJsonObject())
                .filter(s -> s.get("step").getAsString().equals("tcp")).findFirst().orElseThrow()
                .getAsJsonObject("detail").get("remote").getAsString();
        return Integer.parseInt(remote.substring(remote.lastIndexOf(':') + 1));
    }

    private static String tshark(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TSHARK.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "tshark", ".out");
        Path err = Files.createTempFile(home, "tshark", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TSHARK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tshark took longer than " + TSHARK_TIMEOUT_SECONDS + " s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "tshark failed: " + command + "\n" + read(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
