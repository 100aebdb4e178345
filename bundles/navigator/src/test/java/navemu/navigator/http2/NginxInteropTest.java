package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.nav.RequestOptions;
import navemu.navigator.http.HttpResponse;
import navemu.navigator.http.RequestMessage;

/**
 * Our HTTP/2 client against a server we did not write: nginx (Debian's nginx-light), configured in
 * a temporary folder, listening on loopback with {@code http2} and no TLS, so that the client
 * speaks HTTP/2 from the first byte (prior knowledge, RFC 9113 §3.3) — the frames and HPACK are
 * the same as over TLS, where ALPN would have chosen h2. nginx's Huffman-coded, dynamically
 * indexed header blocks and its SETTINGS and WINDOW_UPDATE go through our decoder.
 */
@Timeout(60)
class NginxInteropTest {

    @TempDir
    static Path dir;
    private static Process nginx;
    private static int port;
    private static final String PAGE = "<!doctype html><title>nginx</title><p>served by nginx over HTTP/2</p>\n";

    @BeforeAll
    static void startNginx() throws Exception {
        Path binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? Path.of("/usr/sbin/nginx") : Path.of("nginx");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("www/index.html"), PAGE);
        Files.writeString(dir.resolve("www/big.bin"), "x".repeat(200_000)); // past nginx's 65,535-octet default window
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 16; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp;
                  server {
                    listen 127.0.0.1:%2$d http2;
                    root %1$s/www;
                    location = /old { return 301 /index.html; }
                  }
                }
                """.formatted(dir, port));
        try {
            nginx = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                    "-c", dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("nginx is needed for this test (scripts/prerequisites.sh --tests installs nginx-light)", e);
        }
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen: " + Files.readString(dir.resolve("stdout.txt")));
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static RequestMessage get(String path) {
        return RequestMessage.of(RequestOptions.NAVIGATION, path, "127.0.0.1:" + port);
    }

    @Test
    void aStaticFileARedirectAndALargeBodyOnOneConnection() throws Exception {
        Http2TransportTest.Recorded trace = new Http2TransportTest.Recorded();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            Http2Transport transport = new Http2Transport(socket.getInputStream(), socket.getOutputStream(), "http");

            HttpResponse page = transport.exchange(get("/index.html"), false, trace, () -> { }).response();
            assertEquals("HTTP/2", page.version());
            assertEquals(200, page.status());
            assertEquals(PAGE, page.bodyPreview());
            assertEquals(Integer.toString(PAGE.length()), page.first("content-length"));
            assertEquals("text/html", page.first("content-type"));
            assertTrue(page.first("server").startsWith("nginx"), page.headers().toString());

            HttpResponse moved = transport.exchange(get("/old"), false, trace, () -> { }).response();
            assertEquals(301, moved.status());
            assertTrue(moved.first("location").endsWith("/index.html"), moved.headers().toString());

            HttpResponse big = transport.exchange(get("/big.bin"), false, trace, () -> { }).response();
            assertEquals(200_000, big.bodyBytes());
            assertTrue(transport.reusable());
            transport.close();
        }
        // What nginx sent is in the trace as it came: its SETTINGS (values nginx chose, not ours),
        // the ACK of ours, and each response's HEADERS with the decoded list on streams 1, 3, 5.
        Map<String, String> settings = trace.first("RECEIVED SETTINGS");
        assertTrue(settings.containsKey("MAX_CONCURRENT_STREAMS") && settings.containsKey("INITIAL_WINDOW_SIZE"), settings.toString());
        assertTrue(trace.lines.contains("RECEIVED WINDOW_UPDATE"), "nginx opens its connection window: " + trace.lines);
        List<String> streams = trace.fields.stream().filter(f -> f.getOrDefault("headers", "").startsWith(":status:"))
                .map(f -> f.get("stream")).toList();
        assertEquals(List.of("1", "3", "5"), streams);
        long dataOctets = 0;
        for (int i = 0; i < trace.lines.size(); i++) {
            if (trace.lines.get(i).equals("RECEIVED DATA") && "5".equals(trace.fields.get(i).get("stream"))) {
                dataOctets += trace.lengths.get(i);
            }
        }
        assertEquals(200_000, dataOctets, "the DATA frames traced add up to the body");
    }
}
