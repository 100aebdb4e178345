package navemu.navigator.http;

import java.io.IOException;

import navemu.api.NetError;

/** The server's bytes are not a valid HTTP/1.1 response. */
public final class HttpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;
    private final NetError error;

    public HttpProtocolException(NetError error, String message) {
        super(message);
        this.error = error;
    }

    public NetError error() {
        return error;
    }
}
