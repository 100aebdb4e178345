package navemu.shell.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jline.utils.AttributedStringBuilder;

import navemu.api.Slot;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.nav.Composition;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.Style;

/**
 * {@code hsts query|add|delete|list|clear}: the active hsts store, like the browser's internal
 * HSTS page ({@code chrome://net-internals/#hsts}).
 */
public final class HstsCommand implements Command {
    /** One year, the max-age most sites send and the default of {@code hsts add}. */
    static final long DEFAULT_MAX_AGE_SECONDS = 31_536_000L;

    @Override
    public String name() {
        return "hsts";
    }

    @Override
    public String usage() {
        return "hsts query HOST | add HOST [MAX-AGE] [subdomains] | delete HOST | list | clear";
    }

    @Override
    public String summary() {
        return "look into and edit the active HSTS store";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        try {
            return dispatch(line, session);
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException refused) {
            // A store refusing an operation (off adds nothing, preloaded entries cannot be deleted)
            // says why in its message: that is the whole answer.
            throw new CommandException(refused.getMessage());
        }
    }

    private CommandResult dispatch(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().isEmpty()) {
            throw new UsageException("hsts needs a subcommand");
        }
        String sub = line.arg(0);
        List<String> rest = line.args().subList(1, line.args().size());
        Instant now = Instant.now();
        switch (sub) {
            case "query":
                requireCount(sub, rest, 1);
                query(session, store(session), rest.get(0), now);
                break;
            case "add":
                add(session, rest, now);
                break;
            case "delete":
                requireCount(sub, rest, 1);
                boolean removed = store(session).delete(rest.get(0));
                session.report(removed ? "deleted the entry for " + rest.get(0)
                        : "there was no dynamic entry for exactly " + rest.get(0) + " (preloaded entries cannot be deleted)");
                break;
            case "list":
                requireCount(sub, rest, 0);
                list(session, store(session), now);
                break;
            case "clear":
                requireCount(sub, rest, 0);
                store(session).clear();
                session.report("cleared every dynamic entry");
                break;
            default:
                throw new UsageException("unknown hsts subcommand '" + sub + "'");
        }
        return CommandResult.DONE;
    }

    private static void requireCount(String sub, List<String> args, int count) throws UsageException {
        if (args.size() != count) {
            throw new UsageException("hsts " + sub + (count == 0 ? " takes no arguments" : " takes a host name"));
        }
    }

    /** The active implementation's store; says plainly when it has none (as {@code off} has not). */
    private static HstsStore store(Session session) throws CommandException {
        Composition composition = session.composition();
        String active = composition.active().get(Slot.HSTS);
        Optional<String> problem = composition.problem(Slot.HSTS);
        if (problem.isPresent()) {
            throw new CommandException(problem.get());
        }
        return composition.activeService(Slot.HSTS, HstsStore.class).orElseThrow(() -> new CommandException(
                "the active hsts implementation '" + active + "' keeps no HSTS store"));
    }

    private static void query(Session session, HstsStore store, String host, Instant now) {
        Optional<HstsPolicy> policy = store.lookup(host, now);
        if (policy.isEmpty()) {
            session.console().out("no HSTS policy applies to " + host + ": http:// stays http://");
            return;
        }
        HstsPolicy found = policy.get();
        String via = found.host().equals(host.toLowerCase(Locale.ROOT)) ? "its own entry"
                : "the includeSubDomains entry of " + found.host();
        session.console().out(new AttributedStringBuilder().style(Style.GOOD).append(host + ": HTTPS only")
                .style(Style.PLAIN).append(", by " + via).toAttributedString());
        session.console().out("  " + describe(found));
    }

    private static void add(Session session, List<String> args, Instant now) throws UsageException, CommandException {
        if (args.isEmpty() || args.size() > 3) {
            throw new UsageException("hsts add takes a host, then optionally a max-age in seconds and 'subdomains'");
        }
        String host = args.get(0);
        long maxAge = DEFAULT_MAX_AGE_SECONDS;
        boolean subdomains = false;
        for (String word : args.subList(1, args.size())) {
            if (word.matches("\\d+")) {
                maxAge = Long.parseLong(word);
            } else if (word.equalsIgnoreCase("subdomains") || word.equalsIgnoreCase("includeSubDomains")) {
                subdomains = true;
            } else {
                throw new UsageException("'" + word + "' is neither a max-age in seconds nor 'subdomains'");
            }
        }
        HstsStore store = store(session);
        store.add(host, Duration.ofSeconds(maxAge), subdomains, now);
        String active = session.composition().active().get(Slot.HSTS);
        if (maxAge > 0 && store.lookup(host, now).isEmpty()) {
            session.report("the active hsts implementation '" + active + "' did not keep the entry (it stores nothing)");
        } else {
            session.report("added " + host + " max-age=" + maxAge + (subdomains ? "; includeSubDomains" : "")
                    + " to hsts " + active);
        }
    }

    private static void list(Session session, HstsStore store, Instant now) {
        List<HstsPolicy> entries = store.list(now);
        if (entries.isEmpty()) {
            session.console().out("no HSTS entries");
        }
        for (HstsPolicy policy : entries) {
            session.console().out(describe(policy));
        }
    }

    private static String describe(HstsPolicy policy) {
        return String.format("%-30s %-18s %-8s expires %s", policy.host(),
                policy.includeSubDomains() ? "includeSubDomains" : "", policy.source(),
                Instant.MAX.equals(policy.expires()) ? "never" : String.valueOf(policy.expires()));
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        if (index == 0) {
            return List.of("query", "add", "delete", "list", "clear");
        }
        if (index >= 2 && "add".equals(before.get(0))) {
            return List.of("subdomains");
        }
        return List.of();
    }
}
