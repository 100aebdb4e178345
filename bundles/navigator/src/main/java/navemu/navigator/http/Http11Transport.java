package navemu.navigator.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import navemu.api.trace.StepTrace;

/**
 * HTTP/1.1 (RFC 9112) over a byte stream, on plain TCP or TLS: one request at a time, then its
 * response. Each request says {@code Connection: keep-alive}, and the connection may carry
 * another one afterwards when, as Chromium's {@code HttpStreamParser::CanReuseConnection} decides,
 * the response was HTTP/1.1, did not say {@code Connection: close}, its body had a length or
 * chunks (not "until close") and was read to its end, and nothing came after it.
 */
public final class Http11Transport implements HttpTransport {
    private final FirstByteClock clock;
    private final BufferedInputStream in;
    private final OutputStream out;
    private final String hostHeader;
    private boolean reusable;
    private String notReusableBecause = "no exchange yet";

    /** @param hostHeader the Host field, shown with the request line in the trace */
    public Http11Transport(InputStream in, OutputStream out, String hostHeader) {
        this.clock = new FirstByteClock(in);
        this.in = new BufferedInputStream(clock);
        this.out = out;
        this.hostHeader = hostHeader;
    }

    @Override
    public String protocol() {
        return "http/1.1";
    }

    @Override
    public Exchange exchange(RequestMessage message, boolean sentAsEarlyData, StepTrace step, Runnable headersRead)
            throws IOException {
        reusable = false;
        notReusableBecause = "the exchange did not end";
        clock.restart();
        long sendStart = System.nanoTime();
        long sent = sendStart;
        if (!sentAsEarlyData) {
            byte[] requestBytes = message.bytes();
            Http11Client.send(out, requestBytes);
            sent = System.nanoTime();
            step.sent(message.method() + " " + message.target(), requestBytes.length, Map.of("Host", hostHeader));
            step.roundTrip("request sent, waiting for the response");
        }
        HttpResponse response = Http11Client.readResponse(in, message.method(), headersRead);
        step.received(response.version() + " " + response.status() + " " + response.reason(),
                (int) Math.min(Integer.MAX_VALUE, response.bodyBytes()),
                Map.of("status", Integer.toString(response.status())));
        notReusableBecause = whyNotReusable(response);
        reusable = notReusableBecause == null;
        return new Exchange(response, sendStart, sent, clock.firstByteNanos());
    }

    /** Null when the connection may carry another request after {@code response}; else why not. */
    private String whyNotReusable(HttpResponse response) {
        if (!"HTTP/1.1".equals(response.version())) {
            return "the server answered " + response.version() + ", whose connections a browser does not keep";
        }
        if (response.connectionHas("close")) {
            return "the server said Connection: close";
        }
        if (response.endedAtClose()) {
            return "the body had no length and ended when the server closed";
        }
        if (response.truncated()) {
            return "the body was not read to its end";
        }
        try {
            if (in.available() > 0) {
                return "the server sent bytes after the response";
            }
        } catch (IOException e) {
            return "the connection failed after the response (" + e.getMessage() + ")";
        }
        return null;
    }

    @Override
    public boolean reusable() {
        return reusable;
    }

    @Override
    public String notReusableBecause() {
        return notReusableBecause;
    }

    /** HTTP/1.1: the connection failed before any byte of a response came. */
    @Override
    public boolean lostBeforeResponse() {
        return clock.firstByteNanos() == 0;
    }

    @Override
    public void close() {
        // The connection under it belongs to whoever made it (the navigation, or the pool), which closes it.
    }
}
