package navemu.tls.tls12rsa;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.client.Tls12Client;
import navemu.tls.core.client.Tls12ClientConfig;

/**
 * The {@code tls} slot's {@code tls12-rsa}: the seed article's classic handshake — TLS 1.2 with
 * RSA key exchange (TLS_RSA_WITH_AES_128_GCM_SHA256, _AES_256_GCM_SHA384, _AES_128_CBC_SHA256),
 * resumable by session id or ticket through the session slot. The handshake itself is
 * tls-core's {@link Tls12Client} and its TLS 1.2 handshake.
 */
@Component(service = TlsClient.class, property = {"navemu.slot=tls", "navemu.impl=tls12-rsa"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public class Tls12RsaClient implements TlsClient {

    private final Tls12Client client = new Tls12Client(Tls12ClientConfig.rsaKeyExchange());

    @Override
    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return client.handshake(request, connection, context, trace);
    }
}
