package navemu.hsts.core.osgi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Apache Felix for the hsts bundles' tests (shared as this module's test jar): the
 * bundles a test names, each taken from the jar (or the bnd-processed classes directory) that a
 * class on the test class path came from. A test installs SCR (with its API bundles,
 * org.osgi.service.component, org.osgi.util.promise and org.osgi.util.function) and ConfigAdmin
 * this way too.
 * The packages the test itself calls through ({@code navemu.api.hsts}, ConfigAdmin's API) come
 * from the class path via the system bundle, so test and bundles share those classes; so do the
 * host parser's ({@code navemu.api.host}, {@code navemu.api.dns}), which hsts-core calls.
 */
public final class FelixHarness implements AutoCloseable {

    private final Framework framework;
    private final Path scratch;
    private final List<ServiceTracker<Object, Object>> trackers = new ArrayList<>();

    public FelixHarness(Path scratch, Map<String, String> frameworkProperties) throws BundleException {
        this.scratch = scratch;
        Map<String, String> config = new HashMap<>(frameworkProperties);
        config.put(Constants.FRAMEWORK_STORAGE, scratch.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "navemu.api.hsts;version=\"1.0.0\",navemu.api.host;version=\"1.0.0\",navemu.api.dns;version=\"1.0.0\","
                        + "org.osgi.service.cm;version=\"1.6.1\"");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(config);
        framework.start();
    }

    /**
     * Installs and starts the bundles that hold these classes (by name, so that a class need not
     * load outside OSGi), in order.
     */
    public void installAndStart(List<String> classNames) throws Exception {
        for (String className : classNames) {
            Path location = locationOf(className);
            Path jar = Files.isDirectory(location) ? jarOf(location) : location;
            Bundle bundle = framework.getBundleContext().installBundle(jar.toUri().toString());
            bundle.start();
        }
    }

    /**
     * The first service matching {@code filter}, waiting at most {@code seconds}. The tracker stays
     * open until {@link #close()}, so that a service factory's object (ConfigAdmin's) stays valid.
     */
    public Object awaitService(String filter, long seconds) throws InvalidSyntaxException, InterruptedException {
        Filter f = FrameworkUtil.createFilter(filter);
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), f, null);
        tracker.open();
        trackers.add(tracker);
        Object service = tracker.waitForService(TimeUnit.SECONDS.toMillis(seconds));
        if (service == null) {
            throw new AssertionError("no service " + filter + " within " + seconds + " s");
        }
        return service;
    }

    /** The jar or classes directory on the test class path that holds {@code className}. */
    private static Path locationOf(String className) throws URISyntaxException {
        String resource = className.replace('.', '/') + ".class";
        URL url = FelixHarness.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(className + " is not on the test class path");
        }
        String text = url.toString();
        if (text.startsWith("jar:")) {
            return Path.of(new URI(text.substring(4, text.indexOf("!/"))));
        }
        Path file = Path.of(url.toURI());
        int depth = className.split("\\.").length;
        for (int i = 0; i < depth; i++) {
            file = file.getParent();
        }
        return file;
    }

    /** A bundle jar from a bnd-processed classes directory (its META-INF/MANIFEST.MF is bnd's). */
    private Path jarOf(Path classes) throws IOException, URISyntaxException {
        Path manifestFile = classes.resolve("META-INF/MANIFEST.MF");
        if (!Files.exists(manifestFile)) {
            throw new IllegalStateException(classes + " has no bnd manifest: build the module first");
        }
        Manifest manifest;
        try (var in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in);
        }
        Path jar = Files.createTempFile(scratch, "bundle-", ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream jarOut = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                jarOut.putNextEntry(new JarEntry(name));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    @Override
    public void close() throws Exception {
        trackers.forEach(ServiceTracker::close);
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
    }
}
