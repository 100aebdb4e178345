package navemu.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import org.jline.reader.LineReader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Embeds Apache Felix: installs every bundle that travels in navemu.jar, starts them, and hands
 * the command line to the shell bundle's entry service. For {@code -c} and {@code --script} every
 * bundle starts and the navigator and the lab are up first; the interactive shell gets its
 * prompt first and the other bundles start behind it ({@link #startShellFirstThenRun}); at a
 * terminal the launcher draws that prompt even before the framework starts ({@link EarlyPrompt}).
 * The bundles are read in place from their unpacked copies ({@link BundleCache}); the framework's
 * own storage (a few small files per bundle) lives in a temporary directory, removed on exit.
 */
final class FelixLauncher {
    /** The shell registers its entry point as a plain JDK type, so no class needs sharing. */
    static final String SHELL_FILTER = "(&(objectClass=java.util.function.ToIntFunction)(navemu.main=shell))";
    /** Services that must be up before the first command runs. */
    static final List<String> READY_SERVICES = List.of("navemu.api.nav.Navigator", "navemu.api.nav.Composition");
    /** Present when the lab bundle is installed: the lab world is listening. */
    static final String LAB_SERVICE = "navemu.api.lab.LabSites";
    /** A component's configuration problem (navemu.api.ConfigProblem): its one-line message property. */
    static final String PROBLEM_MESSAGE = "navemu.config.problem";
    /** The lab either listens or says in one line which file kept it from starting. */
    static final String LAB_OUTCOME_FILTER = "(|(objectClass=" + LAB_SERVICE + ")(&(" + PROBLEM_MESSAGE
            + "=*)(navemu.config.component=lab)))";
    /**
     * What the interactive shell needs before it can draw (or take over) its prompt, in start order:
     * the API, and the shell, whose activator registers its entry point (JLine is the launcher's).
     * SCR and every bundle whose components it reads start behind the prompt.
     */
    static final List<String> SHELL_BUNDLES = List.of("navemu-api", "navemu-shell");
    /**
     * JLine travels on the launcher's class path, not as a bundle: the launcher draws the prompt
     * before the framework exists ({@link EarlyPrompt}) and hands its terminal to the shell, so
     * both must see the same classes. The packages the shell imports, exported by the system bundle.
     */
    static final List<String> JLINE_PACKAGES = List.of("org.jline.reader", "org.jline.reader.impl", "org.jline.terminal", "org.jline.utils");
    /** The services by which the shell takes the launcher's prompt over: the line reader and the first line. */
    static final String PROMPT_PROPERTY = "navemu.prompt";
    /** The bundles without which there is no shell to run commands. */
    static final List<String> CORE_BUNDLES = List.of("org.apache.felix.scr", "navemu-api", "navemu-navigator", "navemu-shell");
    /** The property of the {@code RunnableFuture} service by which the shell finds the start of the other bundles. */
    static final String BACKGROUND_START = "navemu.start";
    /** The usage status: also what a batch run with a broken configuration file exits with. */
    static final int USAGE_STATUS = 2;
    static final long START_TIMEOUT_MS = 150_000;
    /** How long the framework may take to stop every bundle before navemu exits regardless. */
    static final long STOP_TIMEOUT_MS = 10_000;
    /** Beyond the framework's own wait, for the stopping thread to hand its answer over. */
    static final long STOP_GRACE_MS = 2_000;

    private final LaunchSettings settings;
    private final List<String> startProblems = new ArrayList<>();
    private final StartupTiming timing = StartupTiming.fromSystemProperty();

    FelixLauncher(LaunchSettings settings) {
        this.settings = settings;
    }

    int run() throws IOException {
        EmbeddedResources embedded = new EmbeddedResources();
        Files.createDirectories(settings.home());
        BundleCache bundles = BundleCache.open(settings.cacheDirectory(), embedded);
        timing.mark("bundle cache ready");
        // At a terminal, with no shell options and the bundles already unpacked (not the first
        // start, which says what it makes), the prompt comes before the framework.
        EarlyPrompt prompt = settings.shellArgs().isEmpty() && !bundles.unpackedNow() ? EarlyPrompt.draw(settings.home()) : null;
        if (prompt != null) {
            timing.mark("prompt drawn (before the framework)");
        }
        try {
            return runFramework(embedded, bundles, prompt);
        } finally {
            if (prompt != null) {
                prompt.close();
            }
            bundles.close();
        }
    }

    /** Makes the framework (its storage and configuration in temporary directories), runs it, stops it. */
    private int runFramework(EmbeddedResources embedded, BundleCache bundles, EarlyPrompt prompt) throws IOException {
        Path cache = Files.createTempDirectory("navemu-felix-");
        Path extractedConfig = null;
        Path config = settings.configDir();
        if (config == null) {
            extractedConfig = Files.createTempDirectory("navemu-config-");
            embedded.extractConfig(extractedConfig);
            config = extractedConfig;
        }
        Framework framework = newFramework(cache, config);
        FutureTask<List<String>> remaining = null;
        try {
            framework.init();
            timing.mark("framework initialised");
            installBundles(framework.getBundleContext(), bundles);
            timing.mark("bundles installed");
            framework.start();
            BundleContext context = framework.getBundleContext();
            if (settings.batch() || bundles.unpackedNow()) {
                return startEverythingThenRun(context);
            }
            remaining = new FutureTask<>(() -> startTheRest(context));
            return startShellFirstThenRun(context, remaining, prompt);
        } catch (BundleException e) {
            throw new IOException("the OSGi framework failed: " + e.getMessage(), e);
        } finally {
            if (remaining != null) {
                // Never stop the framework while bundles are starting: run the start here if the
                // shell never did (it returns at once if it runs or ran), and wait for it.
                remaining.run();
                awaitQuietly(remaining);
            }
            stop(framework);
            deleteTree(cache);
            if (extractedConfig != null) {
                deleteTree(extractedConfig);
            }
        }
    }

    /**
     * For {@code -c} and {@code --script}, and the first start of a build on a home (when the lab
     * makes its certificate authority and says so on stderr): every bundle starts, then every
     * problem is said, then the shell runs, so that a script never runs on a configuration that is
     * not the one its author wrote.
     */
    private int startEverythingThenRun(BundleContext context) {
        startBundles(context, bundle -> true);
        timing.printSlowestBundles();
        timing.mark("bundles started");
        Object shell = coreBundlesActive(context) ? awaitShell(context) : null;
        if (shell == null) {
            printDiagnostics(context);
            return 3;
        }
        timing.mark("shell ready");
        List<String> configProblems = configProblems(context);
        startMessages(configProblems).forEach(System.err::println);
        if (!configProblems.isEmpty() && settings.batch()) {
            // A script must not pass on a configuration that is not the one its author wrote.
            System.err.println("navemu: configuration errors: nothing was run");
            return USAGE_STATUS;
        }
        return runShell(shell);
    }

    /**
     * For the interactive shell: the shell's own bundles start first, and the shell draws its
     * prompt before the others start. It finds their start as a {@code RunnableFuture} service
     * ({@value #BACKGROUND_START}), runs it on a thread of its own once the prompt is drawn (so the
     * prompt does not share the two cores with it), holds every command back until it is done, and
     * then prints the lines it returns ({@link #startMessages}).
     */
    private int startShellFirstThenRun(BundleContext context, FutureTask<List<String>> remaining, EarlyPrompt prompt) {
        startBundles(context, bundle -> SHELL_BUNDLES.contains(bundle.getSymbolicName()));
        Object shell = bundlesActive(context, SHELL_BUNDLES) ? await(context, SHELL_FILTER, System.currentTimeMillis() + START_TIMEOUT_MS) : null;
        if (shell == null) {
            if (prompt != null) {
                prompt.close(); // the terminal back in its own mode before the diagnostics
            }
            printDiagnostics(context);
            return 3;
        }
        context.registerService(RunnableFuture.class, remaining, new Hashtable<>(Map.of(BACKGROUND_START, "bundles")));
        if (prompt != null) {
            context.registerService(LineReader.class, prompt.reader(), new Hashtable<>(Map.of(PROMPT_PROPERTY, "reader")));
            context.registerService(Future.class, prompt.firstLine(), new Hashtable<>(Map.of(PROMPT_PROPERTY, "first-line")));
        }
        timing.mark("shell ready");
        return runShell(shell);
    }

    /**
     * Starts the bundles the shell did not need and returns the lines to say once they are up:
     * what they wrote on stderr meanwhile ({@link StderrCapture}), then {@link #startMessages}.
     */
    private List<String> startTheRest(BundleContext context) {
        List<String> lines = new ArrayList<>();
        try (StderrCapture stderr = new StderrCapture()) {
            try {
                startBundles(context, bundle -> bundle.getState() != Bundle.ACTIVE);
                timing.printSlowestBundles();
                timing.mark("bundles started");
                if (coreBundlesActive(context)) {
                    awaitShell(context);
                }
            } catch (RuntimeException e) {
                startProblems.add("starting the bundles failed: " + e);
            }
            lines.addAll(stderr.lines());
        }
        lines.addAll(startMessages(configProblems(context)));
        if (!coreBundlesActive(context)) {
            lines.add("navemu: warning: the navigator did not start ('bundles' shows which bundle is not active)");
        }
        return lines;
    }

    /** What a start has to say: each bundle that did not start, then each configuration problem. */
    private List<String> startMessages(List<String> configProblems) {
        List<String> lines = new ArrayList<>();
        // A broken implementation bundle must not stop the shell, but the user should know.
        startProblems.forEach(p -> lines.add("navemu: warning: " + p));
        configProblems.forEach(p -> lines.add("navemu: " + p));
        return lines;
    }

    private int runShell(Object shell) {
        @SuppressWarnings("unchecked")
        ToIntFunction<String[]> entry = (ToIntFunction<String[]>) shell;
        return entry.applyAsInt(settings.shellArgs().toArray(new String[0]));
    }

    private static void awaitQuietly(Future<List<String>> start) {
        try {
            start.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The framework is stopped regardless: it stops whatever is still starting.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Framework newFramework(Path cache, Path config) throws IOException {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put("felix.log.level", "1");
        properties.put("navemu.home", settings.home().toString());
        properties.put("navemu.config.dir", config.toString());
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, jlinePackages());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, FelixLauncher.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IOException("no OSGi framework inside navemu.jar"));
        return factory.newFramework(properties);
    }

    /** {@link #JLINE_PACKAGES} at the version of the JLine shaded into navemu.jar, as Export-Package says them. */
    static String jlinePackages() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = FelixLauncher.class.getResourceAsStream("/META-INF/maven/org.jline/jline/pom.properties")) {
            if (in == null) {
                throw new IOException("JLine is not inside navemu.jar");
            }
            pom.load(in);
        }
        String version = pom.getProperty("version");
        return String.join(",", JLINE_PACKAGES.stream().map(p -> p + ";version=" + version).toList());
    }

    /** Installs every embedded bundle from its unpacked copy, read in place (nothing is copied). */
    private void installBundles(BundleContext context, BundleCache bundles) {
        for (EmbeddedResources.Entry entry : bundles.bundles()) {
            try {
                context.installBundle(bundles.location(entry.name()));
            } catch (BundleException e) {
                startProblems.add(entry.name() + ": not installed: " + e.getMessage());
            }
        }
    }

    /** Starts the bundles {@code which} selects, in the order {@link #startOrder} gives. */
    private void startBundles(BundleContext context, Predicate<Bundle> which) {
        for (Bundle bundle : startOrder(context.getBundles())) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (bundle.getBundleId() == 0 || fragment || !which.test(bundle)) {
                continue;
            }
            long started = System.nanoTime();
            try {
                bundle.start();
            } catch (BundleException e) {
                startProblems.add(bundle.getSymbolicName() + ": not started: " + e.getMessage());
            }
            timing.bundleStarted(bundle.getSymbolicName(), System.nanoTime() - started);
        }
    }

    /** The shell's bundles first, in the order given by {@link #SHELL_BUNDLES}, then the others in the order they were installed. */
    static List<Bundle> startOrder(Bundle[] installed) {
        List<Bundle> order = new ArrayList<>();
        for (String name : SHELL_BUNDLES) {
            Stream.of(installed).filter(b -> name.equals(b.getSymbolicName())).forEach(order::add);
        }
        Stream.of(installed).filter(b -> !SHELL_BUNDLES.contains(b.getSymbolicName())).forEach(order::add);
        return order;
    }

    /** The bundles without which there is no shell to wait for. */
    private static boolean coreBundlesActive(BundleContext context) {
        return bundlesActive(context, CORE_BUNDLES);
    }

    private static boolean bundlesActive(BundleContext context, List<String> names) {
        return names.stream().allMatch(name -> Stream.of(context.getBundles())
                .anyMatch(b -> name.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE));
    }

    /** Waits for the shell entry, the navigator and (if installed) the lab; null when they never came. */
    private Object awaitShell(BundleContext context) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        for (String type : READY_SERVICES) {
            if (await(context, "(objectClass=" + type + ")", deadline) == null) {
                startProblems.add("service " + type + " never appeared");
            }
        }
        if (Stream.of(context.getBundles()).anyMatch(b -> "navemu-lab".equals(b.getSymbolicName())
                && b.getState() == Bundle.ACTIVE) && await(context, LAB_OUTCOME_FILTER, deadline) == null) {
            startProblems.add("service " + LAB_SERVICE + " never appeared");
        }
        return await(context, SHELL_FILTER, deadline);
    }

    /** Every configuration problem a component registered (navemu.api.ConfigProblem), one line each. */
    static List<String> configProblems(BundleContext context) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null, "(" + PROBLEM_MESSAGE + "=*)");
            if (references == null) {
                return List.of();
            }
            return Stream.of(references).map(r -> String.valueOf(r.getProperty(PROBLEM_MESSAGE))).sorted().toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object await(BundleContext context, String filter, long deadline) {
        try {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
            tracker.open(true);
            try {
                return tracker.waitForService(Math.max(1, deadline - System.currentTimeMillis()));
            } finally {
                if (!filter.equals(SHELL_FILTER)) {
                    tracker.close();
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void printDiagnostics(BundleContext context) {
        System.err.println("navemu: the shell did not start. What went wrong:");
        startProblems.forEach(p -> System.err.println("  " + p));
        for (String name : CORE_BUNDLES) {
            if (Stream.of(context.getBundles()).noneMatch(b -> name.equals(b.getSymbolicName()))) {
                System.err.println("  bundle " + name + " is not in navemu.jar");
            }
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                System.err.println("  bundle " + bundle.getSymbolicName() + " is " + stateName(bundle.getState()));
            }
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    /**
     * Stops the framework, waiting at most {@link #STOP_TIMEOUT_MS}. A bundle whose stop never
     * returns keeps Felix's stopping thread busy for ever; the wait runs on a daemon thread so
     * that nothing here outlives it, and the user is told which bundles were still up.
     */
    static void stop(Framework framework) {
        CompletableFuture<FrameworkEvent> stopped = new CompletableFuture<>();
        Thread stopper = new Thread(() -> {
            try {
                framework.stop();
                stopped.complete(framework.waitForStop(STOP_TIMEOUT_MS));
            } catch (BundleException | RuntimeException | InterruptedException e) {
                stopped.completeExceptionally(e);
            }
        }, "navemu-framework-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            FrameworkEvent event = stopped.get(STOP_TIMEOUT_MS + STOP_GRACE_MS, TimeUnit.MILLISECONDS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                reportNotStopped(framework);
            }
        } catch (TimeoutException e) {
            reportNotStopped(framework);
        } catch (ExecutionException e) {
            System.err.println("navemu: the framework did not stop cleanly: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reportNotStopped(Framework framework) {
        List<String> running = new ArrayList<>();
        try {
            for (Bundle bundle : framework.getBundleContext() == null ? new Bundle[0] : framework.getBundleContext().getBundles()) {
                if (bundle.getBundleId() != 0 && (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STOPPING)) {
                    running.add(bundle.getSymbolicName() + " (" + stateName(bundle.getState()) + ")");
                }
            }
        } catch (IllegalStateException e) {
            // The context went away while we looked: nothing more to name.
        }
        System.err.println("navemu: the framework did not stop within " + STOP_TIMEOUT_MS / 1000 + " s; exiting anyway"
                + (running.isEmpty() ? "" : ". Still running: " + String.join(", ", running)));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless; the OS cleans it.
        }
    }
}
