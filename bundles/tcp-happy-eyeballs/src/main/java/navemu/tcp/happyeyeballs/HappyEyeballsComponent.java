package navemu.tcp.happyeyeballs;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;

/**
 * Registers {@link HappyEyeballsConnector} as the {@code tcp} slot's {@code happy-eyeballs}
 * implementation. Pid {@code navemu.tcp.happyeyeballs}: {@code attemptDelayMs} (default 250).
 */
@Component(service = TcpConnector.class, configurationPid = "navemu.tcp.happyeyeballs",
        property = {Slot.PROPERTY_SLOT + "=tcp", Slot.PROPERTY_IMPL + "=happy-eyeballs"})
public class HappyEyeballsComponent implements TcpConnector {

    /** Settings; every one has a default. */
    public @interface Config {
        /** RFC 8305 §5 Connection Attempt Delay. */
        long attemptDelayMs() default 250;
    }

    private volatile HappyEyeballsConnector connector = new HappyEyeballsConnector(
            HappyEyeballsConnector.DEFAULT_ATTEMPT_DELAY);
    private volatile String configProblem;

    @Activate
    @Modified
    void configure(Config config) {
        try {
            connector = new HappyEyeballsConnector(Duration.ofMillis(config.attemptDelayMs()));
            configProblem = null;
        } catch (IllegalArgumentException e) {
            connector = new HappyEyeballsConnector(HappyEyeballsConnector.DEFAULT_ATTEMPT_DELAY);
            configProblem = "attemptDelayMs ignored (" + e.getMessage() + "); using 250 ms";
        }
    }

    @Override
    public Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException {
        String problem = configProblem;
        if (problem != null) {
            trace.info(problem);
        }
        return connector.connect(addresses, port, connectTimeout, trace);
    }
}
