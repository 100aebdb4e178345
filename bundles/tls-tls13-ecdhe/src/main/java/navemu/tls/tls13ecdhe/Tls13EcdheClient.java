package navemu.tls.tls13ecdhe;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * The {@code tls} slot's {@code tls13-ecdhe}: navemu's own TLS 1.3 client (see
 * {@link ClientHandshake}). What it offers can be narrowed by the optional configuration pid
 * {@code navemu.tls.tls13ecdhe} (see {@link ClientConfig#fromProperties}); a change applies to
 * the next handshake.
 */
@Component(service = TlsClient.class, property = {"navemu.slot=tls", "navemu.impl=tls13-ecdhe"},
        configurationPid = "navemu.tls.tls13ecdhe")
public class Tls13EcdheClient implements TlsClient {

    private volatile Tls13Handshaker handshaker = new Tls13Handshaker(ClientConfig.defaults());

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        handshaker = new Tls13Handshaker(ClientConfig.fromProperties(properties));
    }

    @Override
    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return handshaker.handshake(request, connection, context, trace == null ? StepTrace.NONE : trace);
    }
}
