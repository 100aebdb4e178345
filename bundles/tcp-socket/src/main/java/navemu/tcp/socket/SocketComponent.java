package navemu.tcp.socket;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;

/** Registers {@link SocketConnector} as the {@code tcp} slot's {@code socket} implementation. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = TcpConnector.class,
        property = {Slot.PROPERTY_SLOT + "=tcp", Slot.PROPERTY_IMPL + "=socket"})
public class SocketComponent implements TcpConnector {

    private final SocketConnector connector = new SocketConnector();

    @Override
    public Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException {
        return connector.connect(addresses, port, connectTimeout, trace);
    }
}
