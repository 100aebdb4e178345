package navemu.lab.origin;

import java.io.IOException;
import java.net.Socket;

import navemu.lab.openssl.SServerSite;

/** The origin side of a site served by {@code openssl s_server} ({@code tls = openssl}): hands each connection to it. */
final class OpenSslTlsHandler implements ConnectionHandler {

    private final SServerSite site;

    OpenSslTlsHandler(SServerSite site) {
        this.site = site;
    }

    @Override
    public void handle(Socket socket) throws IOException {
        site.serve(socket);
    }

    /** s_server does the work, in a process of its own: this thread only relays its bytes. */
    @Override
    public boolean worksOnItsThread() {
        return false;
    }
}
