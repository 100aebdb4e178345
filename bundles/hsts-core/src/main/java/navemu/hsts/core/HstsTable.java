package navemu.hsts.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.hsts.HstsPolicy;

/**
 * The Known HSTS Hosts: one {@link HstsPolicy} per normalised host name, and the RFC 6797 §8.2
 * matching rule.
 *
 * <p>Expiry is judged by the {@code now} each caller passes (the navigation's clock, so tests can
 * move time): an entry is live while {@code now} is before its {@code expires}. Lookups never
 * remove expired entries (so an injected clock may go back and forth); writers prune them with
 * {@link #removeExpired(Instant)}.
 *
 * <p>Hosts given to this class must already be normalised ({@link HstsHost#normalise(String)}).
 * Thread-safe: every method holds the table's lock.
 */
public final class HstsTable {

    private final Map<String, HstsPolicy> entries = new HashMap<>();

    /** True when {@code policy} has lapsed at {@code now}. */
    public static boolean isExpired(HstsPolicy policy, Instant now) {
        return !now.isBefore(policy.expires());
    }

    /**
     * The policy that applies to {@code host} at {@code now} (RFC 6797 §8.2): a congruent match (the
     * host's own entry, with or without includeSubDomains) first, then the superdomains from the most
     * specific to the least, taking the first one with includeSubDomains. A superdomain entry without
     * includeSubDomains does not apply and does not hide an entry further up — Chromium's
     * {@code TransportSecurityState::GetDynamicSTSState} walks the labels the same way.
     */
    public synchronized Optional<HstsPolicy> match(String host, Instant now) {
        List<String> candidates = HstsHost.selfAndSuperdomains(host);
        for (int i = 0; i < candidates.size(); i++) {
            HstsPolicy policy = entries.get(candidates.get(i));
            if (policy == null || isExpired(policy, now)) {
                continue;
            }
            boolean congruent = i == 0;
            if (congruent || policy.includeSubDomains()) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /** The live entry for exactly {@code host}, if any. */
    public synchronized Optional<HstsPolicy> get(String host, Instant now) {
        HstsPolicy policy = entries.get(host);
        return policy == null || isExpired(policy, now) ? Optional.empty() : Optional.of(policy);
    }

    /** Stores {@code policy} under its host; returns the entry it replaced, live or not. */
    public synchronized Optional<HstsPolicy> put(HstsPolicy policy) {
        return Optional.ofNullable(entries.put(policy.host(), policy));
    }

    /** Removes the entry for exactly {@code host}; returns it if there was one. */
    public synchronized Optional<HstsPolicy> remove(String host) {
        return Optional.ofNullable(entries.remove(host));
    }

    /** Removes every entry. */
    public synchronized void clear() {
        entries.clear();
    }

    /** Removes the entries that have lapsed at {@code now}; returns how many. */
    public synchronized int removeExpired(Instant now) {
        int before = entries.size();
        entries.values().removeIf(policy -> isExpired(policy, now));
        return before - entries.size();
    }

    /** The live entries at {@code now}, sorted by host. */
    public synchronized List<HstsPolicy> live(Instant now) {
        List<HstsPolicy> list = new ArrayList<>();
        for (HstsPolicy policy : entries.values()) {
            if (!isExpired(policy, now)) {
                list.add(policy);
            }
        }
        list.sort(Comparator.comparing(HstsPolicy::host));
        return list;
    }

    /** Every entry, expired or not, sorted by host (for persistence). */
    public synchronized List<HstsPolicy> all() {
        List<HstsPolicy> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(HstsPolicy::host));
        return list;
    }

    /** How many entries the table holds, expired or not. */
    public synchronized int size() {
        return entries.size();
    }
}
