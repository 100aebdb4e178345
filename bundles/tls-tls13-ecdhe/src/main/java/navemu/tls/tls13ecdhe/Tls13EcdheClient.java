package navemu.tls.tls13ecdhe;

import org.osgi.service.component.annotations.Component;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/** The {@code tls} slot's {@code tls13-ecdhe}: navemu's own TLS 1.3 client (see {@link ClientHandshake}). */
@Component(service = TlsClient.class, property = {"navemu.slot=tls", "navemu.impl=tls13-ecdhe"})
public class Tls13EcdheClient implements TlsClient {

    private final Tls13Handshaker handshaker = new Tls13Handshaker(ClientConfig.defaults());

    @Override
    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return handshaker.handshake(request, connection, context, trace == null ? StepTrace.NONE : trace);
    }
}
