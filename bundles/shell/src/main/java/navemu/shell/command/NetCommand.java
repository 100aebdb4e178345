package navemu.shell.command;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;

import navemu.api.Slot;
import navemu.shell.parse.CommandLine;

/**
 * {@code net}: the emulated link's conditions (issue 7), like the browser's network throttling:
 * {@code net}, {@code net rtt 100ms}, {@code net bandwidth 1mbit}, {@code net loss 1%},
 * {@code net preset "Slow 4G"}, {@code net presets}, {@code net off}.
 *
 * <p>The settings belong to the {@code tcp} slot's {@code emulated} implementation and shape the
 * connections it makes ({@code use tcp emulated}, or {@code compare URL tcp=socket vs tcp=emulated}).
 * Every use of that bundle's API is in {@link LinkSettings}, loaded only here, so the shell runs
 * without the bundle and says plainly when it is missing, and says when another tcp implementation
 * is active, so nobody takes an unshaped navigation for the link they set.
 */
public final class NetCommand implements Command {
    /** The tcp implementation whose link these settings shape. */
    static final String EMULATED = "emulated";

    @Override
    public String name() {
        return "net";
    }

    @Override
    public String usage() {
        return "net [rtt MS | jitter MS | bandwidth RATE | downlink RATE | uplink RATE | loss PCT | preset NAME | presets | off]";
    }

    @Override
    public String summary() {
        return "show or change the emulated link (tcp emulated): RTT, bandwidth, loss, presets";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        List<String> args = line.args();
        if (args.size() > 2) {
            throw new UsageException("net takes at most a setting and its value");
        }
        BundleContext context = session.services().bundleContext()
                .orElseThrow(() -> new CommandException("net needs the OSGi framework"));
        LinkSettings settings;
        try {
            settings = LinkSettings.find(context).orElseThrow(() -> new CommandException(
                    "no emulated link: the navemu-tcp-emulated bundle is not active (see 'bundles')"));
        } catch (NoClassDefFoundError e) {
            throw new CommandException("no emulated link: the navemu-tcp-emulated bundle was not installed when the shell started");
        }
        try {
            if (args.isEmpty()) {
                session.console().out(settings.describe());
            } else if (args.get(0).equals("presets")) {
                settings.presets().forEach(p -> session.console().out(p));
            } else if (args.get(0).equals("off")) {
                session.console().out(settings.apply("off", null));
            } else if (args.size() == 2) {
                session.console().out(settings.apply(args.get(0), args.get(1)));
            } else {
                throw new UsageException("net " + args.get(0) + " needs a value");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            settings.close();
        }
        inactiveNote(session).ifPresent(session::report);
        return CommandResult.DONE;
    }

    /** Where {@code tcp} is not {@code emulated}, the link's settings are kept but shape nothing: say so. */
    static Optional<String> inactiveNote(Session session) {
        String tcp = session.services().composition().map(c -> c.active().get(Slot.TCP)).orElse(null);
        if (EMULATED.equals(tcp)) {
            return Optional.empty();
        }
        return Optional.of("note: tcp is '" + tcp + "': these settings apply only to connections made with '"
                + "use tcp " + EMULATED + "' (or compare URL tcp=" + EMULATED + ")");
    }
}
