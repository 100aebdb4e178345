package navemu.tls.browser;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.client.BrowserClient;

/**
 * The {@code tls} slot's {@code browser}: offers TLS 1.3 and TLS 1.2 in one ClientHello, as a
 * browser does, and follows the server's choice (tls-core's {@link BrowserClient}, beside both
 * handshakes).
 */
@Component(service = TlsClient.class, property = {"navemu.slot=tls", "navemu.impl=browser"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public class BrowserTlsClient implements TlsClient {

    private final BrowserClient client = BrowserClient.defaults();

    @Override
    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return client.handshake(request, connection, context, trace);
    }
}
