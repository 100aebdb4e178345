package navemu.navigator.http;

import java.io.Closeable;
import java.io.IOException;

import java.util.List;

import navemu.api.result.Header;
import navemu.api.trace.StepTrace;

/**
 * An open connection that carries HTTP requests, in the protocol the connection agreed on:
 * HTTP/1.1 on the byte stream ({@link Http11Transport}), or HTTP/2 streams. The navigator's http
 * step asks it for one exchange; what the protocol puts on the wire (a request line, frames) is
 * traced by the transport, because only it knows.
 */
public interface HttpTransport extends Closeable {
    /** The ALPN identifier of the protocol spoken: {@code http/1.1} or {@code h2}. */
    String protocol();

    /**
     * Sends the request (unless it already went as TLS early data) and reads the whole response.
     *
     * @param sentAsEarlyData the request's bytes already went in the TLS handshake's first flight
     * @param headersRead     told when the final response head is read and the body begins
     */
    Exchange exchange(RequestMessage message, boolean sentAsEarlyData, StepTrace step, Runnable headersRead)
            throws IOException;

    /**
     * The request's fields as this protocol puts them on the wire: HTTP/1.1 sends the message's
     * own; HTTP/2 its pseudo-header fields first and lower-case names, without Host and Connection.
     */
    default List<Header> requestHeaders(RequestMessage message) {
        return message.headers();
    }

    /** Whether another request may use this connection after the last exchange. */
    boolean reusable();

    /** Why {@link #reusable()} is false, in words for the trace; null when it is true. */
    default String notReusableBecause() {
        return reusable() ? null : "the protocol does not allow another request";
    }

    /**
     * Whether the last exchange failed before any of its response came, which the navigator's
     * {@code ResendRule} needs (with the error) to decide whether the request goes again, as Chrome
     * does ({@code HttpNetworkTransaction::HandleIOError}, {@code ShouldResendRequest}): the server
     * may have closed the idle connection just as the request left, or said it did not process it.
     * False when the transport cannot tell: a request whose response began is never sent again.
     */
    default boolean lostBeforeResponse() {
        return false;
    }

    /**
     * One request and its response, with the moments DevTools and HAR split it at: the send began,
     * the request was out, the response's first byte came (0 when none came).
     */
    record Exchange(HttpResponse response, long sendStartNanos, long sentNanos, long firstByteNanos) {
    }
}
