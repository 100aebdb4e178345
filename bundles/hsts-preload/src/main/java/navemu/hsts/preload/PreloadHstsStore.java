package navemu.hsts.preload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
import navemu.hsts.core.DynamicHstsStore;
import navemu.hsts.core.HstsHost;
import navemu.hsts.core.StsDecision;
import navemu.hsts.core.StsObservationRules;

/**
 * The {@code preload} implementation's work: a {@link PreloadList} under the dynamic entries of a
 * {@link DynamicHstsStore}, as in Chromium's {@code TransportSecurityState}.
 *
 * <ul>
 * <li>A host on the list is upgraded on the very first visit, before any header was seen: this is
 *     what the list is for (RFC 6797 §12.3, "bootstrap MITM vulnerability").</li>
 * <li>A dynamic entry that applies is returned first: it is the newer knowledge. The preload
 *     entry still stands behind it.</li>
 * <li>The list is fixed: {@code max-age=0}, {@link #delete} and {@link #clear} reach only dynamic
 *     entries; Chromium's net-internals page says the same ("You cannot delete preloaded entries").</li>
 * </ul>
 * The dynamic entries are kept in memory. The list itself may be read lazily (a {@link Supplier},
 * see {@link PreloadListLoader}); a list that cannot be used makes {@link #lookup} and {@link #list}
 * throw an {@link IllegalStateException} that says why.
 */
public final class PreloadHstsStore implements HstsStore {

    private final Supplier<PreloadList> preload;
    private final DynamicHstsStore dynamic = new DynamicHstsStore();

    public PreloadHstsStore(PreloadList preload) {
        this(() -> preload);
    }

    /** A store over the list {@code preload} gives when first needed (it throws IllegalStateException when it cannot). */
    public PreloadHstsStore(Supplier<PreloadList> preload) {
        this.preload = preload;
    }

    /** The list this store layers its dynamic entries over. */
    public PreloadList preloadList() {
        return preload.get();
    }

    @Override
    public Optional<HstsPolicy> lookup(String host, Instant now) {
        Optional<HstsPolicy> learnt = dynamic.lookup(host, now);
        if (learnt.isPresent()) {
            return learnt;
        }
        Optional<String> name = normalised(host);
        return name.isEmpty() ? Optional.empty() : preload.get().match(name.get());
    }

    @Override
    public HstsUpdate observe(HstsObservation observation, Instant now) {
        HstsUpdate update = dynamic.observe(observation, now);
        // max-age=0 reaches only the dynamic entry; say so when the list still covers the host.
        if (StsObservationRules.decide(observation) instanceof StsDecision.Forget forget) {
            Optional<HstsPolicy> listed;
            try {
                listed = preload.get().match(forget.host());
            } catch (IllegalStateException listUnusable) {
                return update; // the dynamic entry is handled; the list's own problem is reported where it is needed
            }
            if (listed.isPresent()) {
                return new HstsUpdate(update.changed(), update.note() + "; the preload entry for "
                        + listed.get().host() + " still applies (max-age=0 cannot remove a preloaded host)");
            }
        }
        return update;
    }

    /** The dynamic entries, then the preload entries, each sorted by host. */
    @Override
    public List<HstsPolicy> list(Instant now) {
        List<HstsPolicy> all = new ArrayList<>(dynamic.list(now));
        all.addAll(preload.get().entries());
        all.sort(Comparator.comparing(HstsPolicy::host).thenComparing(HstsPolicy::source));
        return all;
    }

    @Override
    public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        dynamic.add(host, maxAge, includeSubDomains, now);
    }

    /**
     * Removes the dynamic entry for exactly {@code host}.
     *
     * @throws IllegalStateException when {@code host} has no dynamic entry but is on the preload list:
     *         the list cannot be edited, and saying only "not found" would mislead
     */
    @Override
    public boolean delete(String host) {
        if (dynamic.delete(host)) {
            return true;
        }
        PreloadList list = preload.get();
        Optional<HstsPolicy> listed = normalised(host).flatMap(list::get);
        if (listed.isPresent()) {
            throw new IllegalStateException(listed.get().host() + " is on the HSTS preload list ("
                    + list.source() + "), which delete cannot change; it has no dynamic entry to delete");
        }
        return false;
    }

    /** Removes every dynamic entry; the preload list stays. */
    @Override
    public void clear() {
        dynamic.clear();
    }

    private static Optional<String> normalised(String host) {
        if (host == null || HstsHost.isIpLiteral(host)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HstsHost.normalise(host));
        } catch (IllegalArgumentException notADomainName) {
            return Optional.empty();
        }
    }
}
