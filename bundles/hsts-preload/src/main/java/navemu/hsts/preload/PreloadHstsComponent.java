package navemu.hsts.preload;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import navemu.api.Environment;
import navemu.api.hsts.HstsStore;
import navemu.hsts.core.ForwardingHstsStore;
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
public final class PreloadHstsComponent extends ForwardingHstsStore {

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
    protected HstsStore delegate() {
        return store;
    }
}
