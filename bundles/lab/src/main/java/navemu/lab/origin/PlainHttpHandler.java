package navemu.lab.origin;

import java.io.IOException;
import java.net.Socket;

import navemu.lab.http.HttpConversation;
import navemu.lab.http.SiteResponder;

/** Plain HTTP/1.1 over TCP: no TLS at all. */
final class PlainHttpHandler implements ConnectionHandler {

    private final SiteResponder responder;

    PlainHttpHandler(SiteResponder responder) {
        this.responder = responder;
    }

    @Override
    public void handle(Socket socket) throws IOException {
        HttpConversation.serve(socket.getInputStream(), socket.getOutputStream(), responder, "plain HTTP (not encrypted)");
    }
}
