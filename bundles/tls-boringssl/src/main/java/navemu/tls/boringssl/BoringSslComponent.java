package navemu.tls.boringssl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/** Registers {@link BoringSslTlsClient} as the {@code tls} slot's {@code boringssl} implementation. */
@Component(service = TlsClient.class, property = {Slot.PROPERTY_SLOT + "=tls", Slot.PROPERTY_IMPL + "=boringssl"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public class BoringSslComponent implements TlsClient {

    private final BoringSslTlsClient client = new BoringSslTlsClient();

    @Override
    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return client.handshake(request, connection, context, trace);
    }
}
