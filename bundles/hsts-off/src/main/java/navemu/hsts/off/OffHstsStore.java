package navemu.hsts.off;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;

/**
 * The {@code hsts} slot's {@code off} implementation: no HSTS at all, as in a user agent that
 * predates RFC 6797. Nothing is upgraded and every header is dropped, so that
 * {@code compare http://hsts.lab.test/ hsts=memory vs hsts=off} shows what HSTS prevents: the
 * plaintext request a network attacker could answer.
 */
@Component(service = HstsStore.class, property = {"navemu.slot=hsts", "navemu.impl=off"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class OffHstsStore implements HstsStore {

    @Override
    public Optional<HstsPolicy> lookup(String host, Instant now) {
        return Optional.empty();
    }

    @Override
    public HstsUpdate observe(HstsObservation observation, Instant now) {
        if (observation.headerValues().isEmpty()) {
            return new HstsUpdate(false, "HSTS is off");
        }
        return new HstsUpdate(false, "HSTS is off: header ignored");
    }

    @Override
    public List<HstsPolicy> list(Instant now) {
        return List.of();
    }

    /** @throws IllegalStateException always: with HSTS off there is nowhere to add an entry */
    @Override
    public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        throw new IllegalStateException("HSTS is off: nothing can be added (use hsts memory, file or preload)");
    }

    @Override
    public boolean delete(String host) {
        return false;
    }

    @Override
    public void clear() {
        // Nothing is ever stored.
    }
}
