package navemu.api;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Supplier;

/**
 * A configuration file that a component could not use, said in one line that names the file,
 * the line and what is wrong ({@code /home/u/config/lab/sites.conf:12: expected 'key = value'}).
 *
 * <p>A component that meets such a file does not throw from its activation (that gives a stack
 * trace, retried by the framework at every use); it registers this object as a service of the
 * plain JDK type {@code java.util.function.Supplier} with {@link #properties()}:
 * <pre>{@code context.registerService(Supplier.class, problem, problem.properties())}</pre>
 * The launcher, which lives outside OSGi and shares no navemu class, finds it by the
 * {@link #MESSAGE} property, prints every such line once before the first command, and a batch
 * run ({@code -c}, {@code --script}) with a configuration problem runs nothing and exits with the
 * usage status 2.
 *
 * @param component what is missing or degraded because of it, e.g. {@code lab}, {@code dns hosts}
 * @param message   the one line, file and line first
 */
public record ConfigProblem(String component, String message) implements Supplier<String> {

    /** Service property: the one-line message, file and line first. */
    public static final String MESSAGE = "navemu.config.problem";
    /** Service property: the component that could not start or fell back, e.g. {@code lab}, {@code dns hosts}. */
    public static final String COMPONENT = "navemu.config.component";
    /**
     * Configuration property that the config bundle adds to every configuration it loads: the
     * path of its {@code .cfg} file, so that a component refusing a value can name the file.
     */
    public static final String FILE_PROPERTY = "navemu.config.file";

    @Override
    public String get() {
        return message;
    }

    /** The service properties that make this findable by {@link #MESSAGE}. */
    public Dictionary<String, Object> properties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MESSAGE, message);
        properties.put(COMPONENT, component);
        return properties;
    }
}
