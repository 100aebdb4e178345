package navemu.tls.tls13ecdhe;

import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.client.Tls13Client;

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
 * {@link Tls13Client} and its handshake, in tls-core so the browser client shares it). What it offers can be narrowed by the optional configuration pid
 * {@code navemu.tls.tls13ecdhe} (see {@link Tls13ClientConfig#fromProperties}); a change applies to
 * the next handshake.
 */
@Component(service = TlsClient.class, property = {"navemu.slot=tls", "navemu.impl=tls13-ecdhe"},
        configurationPid = "navemu.tls.tls13ecdhe")
public class Tls13EcdheClient implements TlsClient {

    private volatile Tls13Client handshaker = new Tls13Client(Tls13ClientConfig.defaults());

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        handshaker = new Tls13Client(Tls13ClientConfig.fromProperties(properties));
    }

    @Override
    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return handshaker.handshake(request, connection, context, trace == null ? StepTrace.NONE : trace);
    }
}
