package navemu.dns.hosts;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import navemu.api.dns.AddressLiteral;
import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.trace.StepTrace;

/**
 * Resolves names from a hosts file only: no query ever leaves the machine, there are no TTLs and
 * no HTTPS records (so no port: the navigator's port map decides). The file is read again whenever
 * it changes on disk, so edits take effect at the next navigation.
 */
public final class HostsResolver implements DnsResolver {

    private final Path file;
    private HostsFile loaded;
    private FileTime loadedAt;

    public HostsResolver(Path file) {
        this.file = file;
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        if (host == null || host.isBlank()) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "no host name to resolve");
        }
        Optional<InetAddress> literal = AddressLiteral.parse(host.trim());
        if (literal.isPresent()) {
            trace.info(host + " is an IP literal: it resolves to itself");
            return DnsAnswer.of(List.of(literal.get()), false);
        }
        HostsFile hosts = current();
        hosts.problems().forEach(p -> trace.info(hosts.path() + ": " + p));
        if (!hosts.readable()) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, hosts.problems().get(0)
                    + "; the hosts resolver has no other source");
        }
        String name = HostsFile.normalize(host.trim());
        List<HostsFile.Entry> entries = hosts.names().get(name);
        if (entries == null) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, name + " is not in the hosts file "
                    + hosts.path() + " (the hosts resolver sends no DNS query)");
        }
        for (HostsFile.Entry entry : entries) {
            trace.info(hosts.path() + " line " + entry.line() + ": " + name + " -> " + entry.address().getHostAddress());
        }
        trace.info("from a hosts file: no query, no TTL, no HTTPS record (the port comes from the port map)");
        List<InetAddress> addresses = entries.stream().map(HostsFile.Entry::address).toList();
        trace.detail("file", hosts.path().toString());
        trace.detail("addresses", addresses.stream().map(InetAddress::getHostAddress).toList());
        return DnsAnswer.of(addresses, false);
    }

    /** The file as it is now on disk, parsed again only when its modification time changed. */
    private synchronized HostsFile current() {
        FileTime modified = null;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            // missing or unreadable: HostsFile.read says which
        }
        if (loaded == null || modified == null || !modified.equals(loadedAt)) {
            loaded = HostsFile.read(file);
            loadedAt = modified;
        }
        return loaded;
    }
}
