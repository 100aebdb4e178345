package navemu.navigator.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import navemu.api.trace.StepTrace;

/**
 * HTTP/1.1 (RFC 9112) over a byte stream: one request, then its response, on plain TCP or TLS.
 * The request says {@code Connection: close}, so the connection serves one exchange.
 */
public final class Http11Transport implements HttpTransport {
    private final FirstByteClock clock;
    private final InputStream in;
    private final OutputStream out;
    private final String hostHeader;

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
        return new Exchange(response, sendStart, sent, clock.firstByteNanos());
    }

    @Override
    public boolean reusable() {
        return false; // every request says Connection: close
    }

    @Override
    public void close() {
        // The connection under it belongs to the navigation, which closes it.
    }
}
