package navemu.dns.dnsjava;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * A stub resolver's cache, keyed by name and type. Positive answers live for the smallest TTL
 * of the records used (RFC 2181 §5.2: the records of an RRset share one TTL, and a chain is only
 * as fresh as its shortest link). Negative answers (NXDOMAIN and NODATA) live for the TTL that
 * RFC 2308 §5 gives: the smaller of the SOA record's TTL and its MINIMUM field; without an SOA
 * in the authority section they are not cached at all (RFC 2308 §5). Server failures are never
 * cached here. TTLs above {@code maxTtl} are capped, as most resolvers do.
 */
final class DnsCache {

    /** One cache slot. */
    record Key(Name name, int type) {
        @Override
        public String toString() {
            return name + " " + Type.string(type);
        }
    }

    private final Clock clock;
    private final Duration maxTtl;
    private final Map<Key, CachedAnswer> entries = new ConcurrentHashMap<>();

    /** A new, empty cache with this one's clock and TTL cap. */
    DnsCache emptyCopy() {
        return new DnsCache(clock, maxTtl);
    }

    DnsCache(Clock clock, Duration maxTtl) {
        if (maxTtl.isNegative() || maxTtl.isZero()) {
            throw new IllegalArgumentException("the cache's maximum TTL must be positive, not " + maxTtl);
        }
        this.clock = clock;
        this.maxTtl = maxTtl;
    }

    Instant now() {
        return clock.instant();
    }

    /** The entry for {@code key} if it has not expired; an expired entry is dropped. */
    Optional<CachedAnswer> find(Key key) {
        CachedAnswer entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /**
     * Stores a positive answer; returns the TTL used, or empty when there is nothing to keep
     * (a TTL of 0 means "use once", RFC 1035 §3.2.1).
     */
    Optional<Duration> putPositive(Key key, List<Record> chain, String server) {
        long ttl = Long.MAX_VALUE;
        for (Record record : chain) {
            ttl = Math.min(ttl, record.getTTL());
        }
        return store(key, Rcode.NOERROR, chain, ttl, server);
    }

    /** Stores NXDOMAIN or NODATA, if the authority section allows it (RFC 2308 §5). */
    Optional<Duration> putNegative(Key key, int rcode, List<Record> authority, String server) {
        for (Record record : authority) {
            if (record instanceof SOARecord) {
                SOARecord soa = (SOARecord) record;
                return store(key, rcode, List.of(), Math.min(soa.getTTL(), soa.getMinimum()), server);
            }
        }
        return Optional.empty();
    }

    private Optional<Duration> store(Key key, int rcode, List<Record> records, long ttlSeconds, String server) {
        if (ttlSeconds <= 0) {
            return Optional.empty();
        }
        Duration ttl = Duration.ofSeconds(ttlSeconds);
        if (ttl.compareTo(maxTtl) > 0) {
            ttl = maxTtl;
        }
        Instant now = now();
        entries.put(key, new CachedAnswer(rcode, records, server, now, now.plus(ttl)));
        return Optional.of(ttl);
    }

    /** Every live entry, for {@code dns cache}. */
    List<Map.Entry<Key, CachedAnswer>> list() {
        Instant now = now();
        List<Map.Entry<Key, CachedAnswer>> live = new ArrayList<>();
        for (Map.Entry<Key, CachedAnswer> entry : entries.entrySet()) {
            if (now.isBefore(entry.getValue().expires())) {
                live.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        live.sort((a, b) -> a.getKey().toString().compareTo(b.getKey().toString()));
        return live;
    }

    /** Empties the cache; returns how many entries it held. */
    int clear() {
        int count = entries.size();
        entries.clear();
        return count;
    }
}
