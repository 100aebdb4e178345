package navemu.lab.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.List;

/** Serves requests on one connection until the client closes, asks to close, errs or idles out. */
public final class HttpConversation {

    private HttpConversation() {
    }

    public static void serve(InputStream in, OutputStream out, SiteResponder responder, String connection) throws IOException {
        // Buffered: the reader takes the header a byte at a time, which unbuffered is a system call
        // (plain HTTP) or a trip through the TLS stream's lock (HTTPS) per byte.
        HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(in));
        while (true) {
            HttpRequest request;
            try {
                request = reader.next();
            } catch (BadRequestException e) {
                new HttpResponse(e.status(), List.of("Content-Type: text/plain; charset=utf-8"),
                        (e.getMessage() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .writeTo(out, true, true);
                return;
            } catch (SocketTimeoutException e) {
                return; // idle keep-alive connection: the read timeout ends it
            }
            if (request == null) {
                return;
            }
            boolean close = request.wantsClose();
            responder.respond(request, connection).writeTo(out, close, !request.method().equals("HEAD"));
            if (close) {
                return;
            }
        }
    }
}
