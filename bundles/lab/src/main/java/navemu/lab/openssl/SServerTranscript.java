package navemu.lab.openssl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import navemu.lab.http.BadRequestException;
import navemu.lab.http.HttpRequest;
import navemu.lab.http.HttpRequestReader;

/**
 * Reads what {@code openssl s_server -early_data} (OpenSSL 3.0, without -quiet, line-buffered)
 * prints for one connection, to find the peer's HTTP request and whether it came as early data.
 * s_server prints its own messages as lines and copies the bytes the peer sent raw:
 * <pre>
 * ALPN protocols selected: http/1.1
 * Early data received:            ← or "No early data received" / "Early data was rejected"
 * GET / HTTP/1.1␍␊…␍␊␍␊            ← the 0-RTT bytes, raw
 * End of early data               ← after an empty line
 * …connection information…
 * Secure Renegotiation IS supported   ← its last line
 * GET / HTTP/1.1␍␊…               ← 1-RTT bytes, raw, when there was no early data
 * DONE / ERROR
 * shutting down SSL
 * CONNECTION CLOSED
 * </pre>
 * A connection that ends before a request (a failed handshake) ends with the last two lines.
 */
final class SServerTranscript {

    static final String LISTENING = "ACCEPT";
    static final String EARLY_DATA = "Early data received:";
    static final String NO_EARLY_DATA = "No early data received";
    static final String EARLY_DATA_REJECTED = "Early data was rejected";
    static final String END_OF_EARLY_DATA = "End of early data";
    /** The last line of s_server's print_connection_info (IS or IS NOT supported). */
    static final String CONNECTION_INFO_END = "Secure Renegotiation IS";
    static final String CONNECTION_CLOSED = "CONNECTION CLOSED";

    private static final int MAX_LINE = 16 * 1024;

    /** A request as s_server received it. @param earlyData true when every byte of it came as 0-RTT early data */
    record Received(HttpRequest request, boolean earlyData, String earlyDataStatus) {
    }

    /** The request was not HTTP/1.x; {@code status} is what to answer. */
    static final class Unreadable extends Exception {
        final int status;

        Unreadable(BadRequestException cause, boolean earlyData) {
            super(cause.getMessage() + (earlyData ? " (in early data)" : ""), cause);
            this.status = cause.status();
        }
    }

    private final TimedInput out;

    SServerTranscript(TimedInput out) {
        this.out = out;
    }

    /** Waits for the line saying s_server listens. */
    void awaitListening(Duration timeout) throws IOException {
        out.deadline(timeout.toNanos());
        String line;
        while ((line = readLine()) != null) {
            if (line.equals(LISTENING)) {
                return;
            }
        }
        throw new IOException("openssl s_server ended before it listened");
    }

    /**
     * The next connection's request, or empty when the connection ended without one.
     *
     * @throws java.net.SocketTimeoutException when s_server printed neither in time
     */
    Optional<Received> nextRequest(Duration timeout) throws IOException, Unreadable {
        out.deadline(timeout.toNanos());
        String status = null;
        String line;
        while ((line = readLine()) != null) {
            if (line.equals(CONNECTION_CLOSED)) {
                return Optional.empty();
            }
            if (line.equals(EARLY_DATA)) {
                Received received = new Received(readRequest(true), true, "early data accepted");
                return Optional.of(received);
            }
            if (line.equals(NO_EARLY_DATA) || line.equals(EARLY_DATA_REJECTED)) {
                status = line.equals(NO_EARLY_DATA) ? "no early data offered" : "early data rejected";
            }
            if (line.startsWith(CONNECTION_INFO_END) && status != null) {
                return Optional.of(new Received(readRequest(false), false, status));
            }
        }
        throw new IOException("openssl s_server ended during a connection");
    }

    /** Reads up to the end of the current connection (its "CONNECTION CLOSED" line). */
    void awaitConnectionClosed(Duration timeout) throws IOException {
        out.deadline(timeout.toNanos());
        String line;
        while ((line = readLine()) != null) {
            if (line.equals(CONNECTION_CLOSED)) {
                return;
            }
        }
        throw new IOException("openssl s_server ended during a connection");
    }

    private HttpRequest readRequest(boolean earlyData) throws IOException, Unreadable {
        try {
            HttpRequest request = new HttpRequestReader(out).next();
            if (request == null) {
                throw new IOException("openssl s_server ended during a connection");
            }
            return request;
        } catch (BadRequestException e) {
            throw new Unreadable(e, earlyData);
        }
    }

    /** One line without its LF (and a CR before it), or null at the end of the output. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = out.read()) >= 0) {
            if (b == '\n') {
                return stripCr(line.toString(StandardCharsets.ISO_8859_1));
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
