package navemu.tcp.emulated;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;
import navemu.tcp.emulated.api.LinkConditions;
import navemu.tcp.emulated.api.LinkControl;

/**
 * The {@code tcp} slot's {@code emulated} implementation: {@link EmulatedConnector} over the
 * conditions of a {@link ShapedLink}, registered once under both {@link TcpConnector} (the slot)
 * and {@link LinkControl} (for the shell's {@code net} command).
 *
 * <p>Configuration (pid {@value #PID}, optional): {@code preset} (a DevTools-like name such as
 * {@code Slow 4G}), then {@code rtt}, {@code jitter}, {@code bandwidth}, {@code downlink},
 * {@code uplink}, {@code loss} over it. Without any: a 100 ms RTT, nothing else shaped. A bad value
 * leaves the defaults and says so. A configuration change replaces changes made through
 * {@link LinkControl}.
 */
@Component(service = {TcpConnector.class, LinkControl.class}, configurationPid = EmulatedComponent.PID,
        property = {Slot.PROPERTY_SLOT + "=tcp", Slot.PROPERTY_IMPL + "=emulated"})
public class EmulatedComponent implements TcpConnector, LinkControl {

    static final String PID = "navemu.tcp.emulated";

    private final ShapedLink link = new ShapedLink(LinkConfiguration.DEFAULT);
    private final EmulatedConnector connector = new EmulatedConnector(link::conditions);

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        try {
            link.set(LinkConfiguration.from(properties));
        } catch (IllegalArgumentException e) {
            // There is no log service at run time; the shell's console is where the user looks.
            System.err.println("navemu tcp-emulated: " + e.getMessage() + " in " + PID + "; using "
                    + LinkConfiguration.DEFAULT.describe());
            link.set(LinkConfiguration.DEFAULT);
        }
    }

    @Override
    public Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException {
        return connector.connect(addresses, port, connectTimeout, trace);
    }

    @Override
    public Duration oneWayDelay() {
        return conditions().rtt().dividedBy(2);
    }

    @Override
    public LinkConditions conditions() {
        return link.conditions();
    }

    @Override
    public void set(LinkConditions conditions) {
        link.set(conditions);
    }

    @Override
    public LinkConditions apply(String setting, String value) {
        return link.apply(setting, value);
    }

    @Override
    public Map<String, LinkConditions> presets() {
        return link.presets();
    }
}
