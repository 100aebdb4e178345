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
 * the default is {@code <navemu.config.dir>/hsts/preload.json}.
 *
 * <p>The list is read when it is first needed (the first lookup, or {@code hsts list}), not when the
 * bundle starts ({@link PreloadListLoader}): the component is registered even when another
 * implementation fills the slot, and Chromium's list is large. A list that cannot be used is one
 * line on the console naming the file and the entry, and fails the lookups that need it: better
 * no upgrade with the reason than a {@code preload} implementation that silently upgrades nothing.
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
        PreloadListLoader loader;
        if ((configDir == null || configDir.isBlank()) && (configured == null || configured.toString().isBlank())) {
            loader = PreloadListLoader.without("no HSTS preload list: neither the framework property "
                    + Environment.CONFIG_DIR + " nor the configuration " + PID + " path names it",
                    PreloadHstsComponent::report);
        } else {
            Path base = ConfiguredPath.directory(configDir, Path.of("."));
            loader = new PreloadListLoader(ConfiguredPath.resolve(configured, Environment.CONFIG_DIR, base,
                    DEFAULT_LIST), PreloadHstsComponent::report);
        }
        this.store = new PreloadHstsStore(loader);
    }

    /** There is no log service at run time; the shell's console is where the user looks. One line. */
    private static void report(String reason) {
        System.err.println("navemu hsts-preload: " + reason);
    }

    @Override
    protected HstsStore delegate() {
        return store;
    }
}
