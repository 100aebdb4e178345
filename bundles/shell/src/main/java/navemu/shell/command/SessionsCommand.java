package navemu.shell.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import navemu.api.Slot;
import navemu.api.session.SessionStore;
import navemu.shell.parse.CommandLine;

/**
 * {@code sessions}: what the active {@code session} slot holds for later resumption (host, TLS
 * version, kind, age, expiry, the stored chain and who judged it); {@code sessions clear} forgets it all, so the next visit is a full
 * handshake.
 */
public final class SessionsCommand implements Command {

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public String usage() {
        return "sessions [clear]";
    }

    @Override
    public String summary() {
        return "list the TLS sessions and tickets kept for resumption, or clear them";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        List<String> args = line.args();
        if (args.size() > 1 || (args.size() == 1 && !args.get(0).equals("clear"))) {
            throw new UsageException("sessions takes nothing, or clear");
        }
        if (args.size() == 1) {
            session.console().out(clear(session));
            return CommandResult.DONE;
        }
        String impl = session.composition().active().get(Slot.SESSION);
        SessionStore store = activeStore(session);
        Instant now = Instant.now();
        List<SessionStore.Entry> entries = store.list(now);
        if (entries.isEmpty()) {
            session.console().out("no sessions kept (session " + impl + ")");
        }
        for (SessionStore.Entry entry : entries) {
            var s = entry.session();
            session.console().out(String.format("%-32s %-8s %-10s %-36s age %-8s expires in %s",
                    entry.key(), s.version(), s.kind(), s.cipherSuite(),
                    compact(Duration.between(s.created(), now)), compact(Duration.between(now, s.expires()))
                            + (s.maxEarlyData() > 0 ? "  0-RTT up to " + s.maxEarlyData() + " bytes" : "")
                            + chain(s)));
        }
        return CommandResult.DONE;
    }

    /**
     * Forgets every session of the active {@code session} implementation (only that one: another
     * implementation's store, e.g. {@code sessions.json} while {@code memory} is active, is left as
     * it is), and closes the idle connections kept for reuse, as clearing a browser's data does, so
     * the next visit is a new connection and a full handshake. Returns what to tell the user.
     */
    public static String clear(Session session) throws CommandException {
        String impl = session.composition().active().get(Slot.SESSION);
        activeStore(session).clear();
        int closed = session.navigator().closeIdleConnections();
        return "cleared the " + impl + " session store" + (closed == 0 ? ""
                : " and closed " + closed + " idle connection" + (closed == 1 ? "" : "s") + " kept for reuse");
    }

    private static SessionStore activeStore(Session session) throws CommandException {
        String impl = session.composition().active().get(Slot.SESSION);
        return session.composition().activeService(Slot.SESSION, SessionStore.class)
                .orElseThrow(() -> new CommandException("the session slot is empty: '" + impl + "' is not registered (see 'slots')"));
    }

    /** The stored chain a resumption re-validates, and who judged it when the session was made. */
    private static String chain(navemu.api.session.StoredSession s) {
        return s.certificate() == null ? "  no stored chain: not resumable"
                : "  chain of " + s.certificate().chain().size() + " judged by " + s.certificate().validator()
                        + " (re-validated on resumption)";
    }

    private static String compact(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        return seconds < 120 ? seconds + "s" : seconds < 7200 ? seconds / 60 + "m" : seconds / 3600 + "h";
    }
}
