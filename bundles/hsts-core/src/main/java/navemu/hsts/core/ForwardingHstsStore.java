package navemu.hsts.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;

/**
 * The OSGi face of an HSTS store: a Declarative Services component must be its own class, so
 * each implementation's component extends this and names the store that does the work.
 */
public abstract class ForwardingHstsStore implements HstsStore {

    /** The store every call goes to. */
    protected abstract HstsStore delegate();

    @Override
    public Optional<HstsPolicy> lookup(String host, Instant now) {
        return delegate().lookup(host, now);
    }

    @Override
    public HstsUpdate observe(HstsObservation observation, Instant now) {
        return delegate().observe(observation, now);
    }

    @Override
    public List<HstsPolicy> list(Instant now) {
        return delegate().list(now);
    }

    @Override
    public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        delegate().add(host, maxAge, includeSubDomains, now);
    }

    @Override
    public boolean delete(String host) {
        return delegate().delete(host);
    }

    @Override
    public void clear() {
        delegate().clear();
    }
}
