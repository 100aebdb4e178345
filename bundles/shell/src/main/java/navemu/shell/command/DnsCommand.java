package navemu.shell.command;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsCache;
import navemu.api.dns.DnsResolver;
import navemu.api.trace.StepTrace;
import navemu.shell.parse.CommandLine;

/**
 * {@code dns HOST}: resolves with the active {@code dns} implementation and shows every query and
 * answer it reports; {@code dns cache} lists its cache, {@code dns flush} empties it.
 */
public final class DnsCommand implements Command {

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public String usage() {
        return "dns HOST | cache | flush";
    }

    @Override
    public String summary() {
        return "resolve HOST with the active resolver and show its queries; list or empty its cache";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        List<String> args = line.args();
        if (args.size() != 1) {
            throw new UsageException("dns takes one host name, cache or flush");
        }
        String impl = session.composition().active().get(Slot.DNS);
        DnsResolver resolver = session.composition().activeService(Slot.DNS, DnsResolver.class)
                .orElseThrow(() -> new CommandException("the dns slot is empty: '" + impl + "' is not registered (see 'slots')"));
        switch (args.get(0)) {
            case "cache" -> {
                Optional<DnsCache> cache = cacheOf(resolver);
                if (cache.isEmpty()) {
                    session.console().out("dns " + impl + " keeps no cache");
                } else if (cache.get().entries().isEmpty()) {
                    session.console().out("the " + impl + " cache is empty");
                } else {
                    cache.get().entries().forEach(e -> session.console().out(e));
                }
            }
            case "flush" -> {
                Optional<DnsCache> cache = cacheOf(resolver);
                session.console().out(cache.isEmpty() ? "dns " + impl + " keeps no cache"
                        : "flushed " + cache.get().flush() + " cache entries of " + impl);
            }
            default -> resolve(args.get(0), impl, resolver, session);
        }
        return CommandResult.DONE;
    }

    /** A resolver that keeps a cache registers {@link DnsCache} on the same service object. */
    private static Optional<DnsCache> cacheOf(DnsResolver resolver) {
        return resolver instanceof DnsCache cache ? Optional.of(cache) : Optional.empty();
    }

    private static void resolve(String host, String impl, DnsResolver resolver, Session session) throws CommandException {
        StepTrace printing = new StepTrace() {
            @Override public void info(String text) { session.console().out("  " + text); }
            @Override public void sent(String message, int length, Map<String, String> fields) { session.console().out("  → " + message + " " + fields); }
            @Override public void received(String message, int length, Map<String, String> fields) { session.console().out("  ← " + message + " " + fields); }
            @Override public void secret(String label, String hex) { }
            @Override public void roundTrip(String why) { session.console().out("  ┄ round trip: " + why); }
            @Override public void detail(String key, Object value) { }
        };
        session.console().out("dns " + impl + ": " + host);
        try {
            DnsAnswer answer = resolver.resolve(host, printing);
            session.console().out(host + " → " + answer.addresses().stream().map(InetAddress::getHostAddress).toList()
                    + (answer.port() == null ? "" : "  port " + answer.port() + " (" + answer.portSource() + ")")
                    + (answer.fromCache() ? "  (from the cache)" : ""));
        } catch (NavigationException e) {
            throw new CommandException(e.error() + ": " + e.getMessage());
        }
    }
}
