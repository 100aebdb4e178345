package navemu.hostile;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.browser.BrowserTlsClient;
import navemu.tls.tls12rsa.Tls12RsaClient;
import navemu.tls.tls13ecdhe.Tls13EcdheClient;

/** navemu's own TLS clients, as the tls slot's components, constructed without Felix. */
enum OwnTlsClient {
    TLS13_ECDHE("tls13-ecdhe") {
        @Override
        TlsClient create() {
            return new Tls13EcdheClient();
        }
    },
    TLS12_RSA("tls12-rsa") {
        @Override
        TlsClient create() {
            return new Tls12RsaClient();
        }
    },
    BROWSER("browser") {
        @Override
        TlsClient create() {
            return new BrowserTlsClient();
        }
    };

    final String slotName;

    OwnTlsClient(String slotName) {
        this.slotName = slotName;
    }

    abstract TlsClient create();

    SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return create().handshake(request, connection, context, trace);
    }

    static OwnTlsClient bySlotName(String name) {
        for (OwnTlsClient c : values()) {
            if (c.slotName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no own TLS client named " + name);
    }
}
