package navemu.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import navemu.api.ConfigProblem;
import navemu.api.Environment;

/**
 * At start-up, gives Felix ConfigAdmin every configuration found in {@code <config>/osgi/}, so
 * that components start from the files in the repository's {@code config/} directory.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, immediate = true, service = {})
public final class ConfigLoader {

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) {
        String dir = context.getProperty(Environment.CONFIG_DIR);
        if (dir == null) {
            System.err.println("navemu: no " + Environment.CONFIG_DIR + " set; components use their built-in defaults");
            return;
        }
        Path osgiDir = Path.of(dir, "osgi");
        try {
            ConfigFiles.Read read = ConfigFiles.read(osgiDir);
            for (Map.Entry<String, Hashtable<String, Object>> entry : read.byPid().entrySet()) {
                Configuration configuration = configurationAdmin.getConfiguration(entry.getKey(), "?");
                Dictionary<String, Object> current = configuration.getProperties();
                if (current == null || !sameValues(current, entry.getValue())) {
                    configuration.update(entry.getValue());
                }
            }
            read.problems().forEach(problem -> publish(context, problem));
        } catch (IOException e) {
            publish(context, osgiDir + ": " + e.getMessage() + "; components use their built-in defaults");
        }
    }

    private static void publish(BundleContext context, String message) {
        ConfigProblem problem = new ConfigProblem("config", message);
        context.registerService(Supplier.class, problem, problem.properties());
    }

    private static boolean sameValues(Dictionary<String, Object> current, Hashtable<String, Object> wanted) {
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
