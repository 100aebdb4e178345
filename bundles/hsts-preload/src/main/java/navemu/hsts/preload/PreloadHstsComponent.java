package navemu.hsts.preload;

import java.nio.file.Path;
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
 * The {@code hsts} slot's {@code preload} implementation: a preload list in Chromium's format under
 * dynamic (in-memory) entries.
 *
 * <p>Configuration (pid {@value #PID}, optional): {@code path}, the list. It may start with
 * {@code ${navemu.config.dir}} or {@code ~}, and a relative path is taken from the config directory;
 * the default is {@code <navemu.config.dir>/hsts/preload.json}. A list that cannot be read stops
 * the component from activating, with the reason on the console: better no {@code preload}
 * implementation than one that silently upgrades nothing.
 */
@Component(service = HstsStore.class, configurationPid = PreloadHstsComponent.PID,
        property = {"navemu.slot=hsts", "navemu.impl=preload"})
public final class PreloadHstsComponent implements HstsStore {

    static final String PID = "navemu.hsts.preload";
    static final String DEFAULT_LIST = "hsts/preload.json";

    private final PreloadHstsStore store;

    @Activate
    public PreloadHstsComponent(BundleContext context, Map<String, Object> configuration) {
        String configDir = context.getProperty(Environment.CONFIG_DIR);
        Object configured = configuration.get("path");
        if ((configDir == null || configDir.isBlank()) && (configured == null || configured.toString().isBlank())) {
            throw fail("neither the framework property " + Environment.CONFIG_DIR + " nor the configuration "
                    + PID + " path names the preload list");
        }
        Path base = ConfiguredPath.directory(configDir, Path.of("."));
        Path list = ConfiguredPath.resolve(configured, Environment.CONFIG_DIR, base, DEFAULT_LIST);
        try {
            this.store = new PreloadHstsStore(PreloadList.read(list));
        } catch (InvalidPreloadListException e) {
            throw fail(e.getMessage());
        }
    }

    private static IllegalStateException fail(String reason) {
        // There is no log service at run time; the shell's console is where the user looks.
        System.err.println("navemu hsts-preload: not started: " + reason);
        return new IllegalStateException(reason);
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
