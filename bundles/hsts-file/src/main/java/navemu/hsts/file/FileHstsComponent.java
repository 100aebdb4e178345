package navemu.hsts.file;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import navemu.api.Environment;
import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
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
public final class FileHstsComponent implements HstsStore {

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
    public Optional<HstsPolicy> lookup(String host, Instant now) {
        return store.lookup(host, now);
    }

    @Override
    public HstsUpdate observe(HstsObservation observation, Instant now) {
        return store.observe(observation, now);
    }

    @Override
    public List<HstsPolicy> list(Instant now) {
        return store.list(now);
    }

    @Override
    public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        store.add(host, maxAge, includeSubDomains, now);
    }

    @Override
    public boolean delete(String host) {
        return store.delete(host);
    }

    @Override
    public void clear() {
        store.clear();
    }
}
