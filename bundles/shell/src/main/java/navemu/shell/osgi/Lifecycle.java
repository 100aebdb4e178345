package navemu.shell.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

import navemu.shell.command.Command;
import navemu.shell.command.CommandException;
import navemu.shell.command.CommandResult;
import navemu.shell.command.Session;
import navemu.shell.command.UsageException;
import navemu.shell.parse.CommandLine;

/**
 * {@code install}, {@code start}, {@code stop}, {@code update}, {@code uninstall}: the OSGi
 * lifecycle of one bundle, named by id or name. After {@code update} and {@code uninstall} the
 * framework is refreshed, so bundles wired to the old revision move to the new one.
 */
public final class Lifecycle implements Command {

    /** The lifecycle operations. */
    public enum Action { INSTALL, START, STOP, UPDATE, UNINSTALL }

    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final Action action;

    public Lifecycle(Action action) {
        this.action = action;
    }

    /** One command per action. */
    public static List<Command> all() {
        return List.of(new Lifecycle(Action.INSTALL), new Lifecycle(Action.START), new Lifecycle(Action.STOP),
                new Lifecycle(Action.UPDATE), new Lifecycle(Action.UNINSTALL));
    }

    @Override
    public String name() {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String usage() {
        if (action == Action.INSTALL) {
            return "install URL|PATH";
        }
        return action == Action.UPDATE ? "update ID|NAME [URL|PATH]" : name() + " ID|NAME";
    }

    @Override
    public String summary() {
        switch (action) {
            case INSTALL: return "install a bundle from a jar file or URL";
            case START: return "start a bundle";
            case STOP: return "stop a bundle (its services go away at once)";
            case UPDATE: return "re-read a bundle (from where it was installed, or from URL|PATH), and refresh";
            default: return "remove a bundle, and refresh";
        }
    }

    static BundleContext context(Session session) throws CommandException {
        return session.services().bundleContext().orElseThrow(() -> new CommandException(
                "not running inside an OSGi framework, so there are no bundles to manage"));
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        int most = action == Action.UPDATE ? 2 : 1;
        if (line.args().isEmpty() || line.args().size() > most) {
            throw new UsageException(name() + " takes one " + (action == Action.INSTALL ? "jar path or URL" : "bundle id or name")
                    + (action == Action.UPDATE ? ", then optionally the jar to update from" : ""));
        }
        BundleContext context = context(session);
        try {
            if (action == Action.INSTALL) {
                Bundle bundle = context.installBundle(location(line.arg(0)));
                session.report("installed " + bundle.getBundleId() + " " + bundle.getSymbolicName() + " "
                        + bundle.getVersion() + " (start it with 'start " + bundle.getBundleId() + "')");
                return CommandResult.DONE;
            }
            Bundle bundle = BundleFinder.find(context, line.arg(0));
            if (bundle.getBundleId() == 0) {
                throw new CommandException("bundle 0 is the framework itself; use 'quit' to leave");
            }
            if (bundle.getBundleId() == context.getBundle().getBundleId() && action != Action.START) {
                throw new CommandException("that is the shell's own bundle; " + name() + "ping it would end this shell");
            }
            String who = bundle.getBundleId() + " " + bundle.getSymbolicName();
            switch (action) {
                case START:
                    bundle.start();
                    break;
                case STOP:
                    bundle.stop();
                    break;
                case UPDATE:
                    if (line.args().size() == 2) {
                        try (InputStream jar = URI.create(location(line.arg(1))).toURL().openStream()) {
                            bundle.update(jar);
                        } catch (IOException e) {
                            throw new CommandException("cannot read " + line.arg(1) + ": " + e.getMessage(), e);
                        }
                    } else {
                        bundle.update();
                    }
                    refresh(context, bundle);
                    break;
                default:
                    bundle.uninstall();
                    refresh(context, bundle);
                    break;
            }
            session.report(pastTense() + " " + who + (action == Action.UNINSTALL ? "" : " (" + BundleFinder.state(bundle) + ")"));
            return CommandResult.DONE;
        } catch (BundleException | IllegalStateException | SecurityException e) {
            // Felix puts the reason (a bad manifest, an unknown location protocol) in the cause.
            Throwable cause = e.getCause();
            throw new CommandException(e.getMessage() + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), e);
        }
    }

    private String pastTense() {
        switch (action) {
            case START: return "started";
            case STOP: return "stopped";
            case UPDATE: return "updated";
            default: return "uninstalled";
        }
    }

    /** A path that exists becomes a file: URL; anything else must already be a URL. */
    static String location(String pathOrUrl) throws CommandException {
        Path path = Path.of(pathOrUrl.startsWith("file:") ? "" : pathOrUrl);
        if (!pathOrUrl.startsWith("file:") && Files.isRegularFile(path)) {
            return path.toAbsolutePath().toUri().toString();
        }
        if (pathOrUrl.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.+")) {
            return pathOrUrl;
        }
        throw new CommandException("no such file: " + path.toAbsolutePath());
    }

    private static void refresh(BundleContext context, Bundle bundle) throws CommandException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new CommandException("the framework did not finish refreshing within " + REFRESH_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while the framework refreshed");
        }
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        if (index != 0 || action == Action.INSTALL) {
            return List.of();
        }
        return session.services().bundleContext().map(BundleFinder::names).orElse(List.of());
    }
}
