package navemu.lab.http2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import navemu.lab.http.HttpConversation;
import navemu.lab.http.SiteResponder;

/** Serves a TLS connection in the protocol its ALPN chose: HTTP/2 for {@code h2}, else HTTP/1.1. */
public final class ApplicationProtocols {

    private ApplicationProtocols() {
    }

    /** @param alpn the protocol the handshake selected; null or empty when none was (then HTTP/1.1) */
    public static void serve(String alpn, InputStream in, OutputStream out, SiteResponder responder, String connection)
            throws IOException {
        if ("h2".equals(alpn)) {
            Http2Conversation.serve(in, out, responder, connection);
        } else {
            HttpConversation.serve(in, out, responder, connection);
        }
    }
}
