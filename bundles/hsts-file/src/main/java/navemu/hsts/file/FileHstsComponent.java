package navemu.hsts.file;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import navemu.api.Environment;
import navemu.api.hsts.HstsStore;
import navemu.hsts.core.ForwardingHstsStore;
import navemu.hsts.core.ConfiguredPath;

/**
 * The {@code hsts} slot's {@code file} implementation: RFC 6797 with the Known HSTS Hosts kept in
 * a JSON file across restarts.
 *
 * <p>Configuration (pid {@value #PID}, optional): {@code path}, the file. It may start with
 * {@code ${navemu.home}} or {@code ~}, and a relative path is taken from the navemu home; the
 * default is {@code <navemu.home>/hsts.json}.
 */
@Component(service = HstsStore.class, configurationPid = FileHstsComponent.PID,
        property = {"navemu.slot=hsts", "navemu.impl=file"})
public final class FileHstsComponent extends ForwardingHstsStore {

    static final String PID = "navemu.hsts.file";
    static final String DEFAULT_FILE_NAME = "hsts.json";

    private final FileHstsStore store;

    @Activate
    public FileHstsComponent(BundleContext context, Map<String, Object> configuration) {
        Path home = ConfiguredPath.directory(context.getProperty(Environment.HOME), ConfiguredPath.defaultHome());
        Path file = ConfiguredPath.resolve(configuration.get("path"), Environment.HOME, home, DEFAULT_FILE_NAME);
        this.store = new FileHstsStore(file, Clock.systemUTC());
        // There is no log service at run time; the shell's console is where the user looks.
        store.problem().ifPresent(problem -> System.err.println("navemu hsts-file: " + problem));
    }

    @Override
    protected HstsStore delegate() {
        return store;
    }
}
