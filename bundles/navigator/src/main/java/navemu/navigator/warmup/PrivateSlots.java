package navemu.navigator.warmup;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.trace.StepTrace;

/**
 * The slots a warm-up navigation uses in place of the user's, so that it leaves no trace the
 * user could see: no HSTS entry, no DNS cache entry, no TLS session. They keep nothing.
 */
public final class PrivateSlots {

    private PrivateSlots() {
    }

    /** Knows no HSTS host and forgets every header. */
    public static final class ForgetfulHsts implements HstsStore {
        @Override public Optional<HstsPolicy> lookup(String host, Instant now) { return Optional.empty(); }
        @Override public HstsUpdate observe(HstsObservation observation, Instant now) {
            return new HstsUpdate(false, "not kept (warm-up)");
        }
        @Override public List<HstsPolicy> list(Instant now) { return List.of(); }
        @Override public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) { }
        @Override public boolean delete(String host) { return false; }
        @Override public void clear() { }
    }

    /** Offers no session and keeps none. */
    public static final class ForgetfulSessions implements SessionStore {
        @Override public Optional<StoredSession> find(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public Optional<StoredSession> take(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public void put(SessionKey key, StoredSession session) { }
        @Override public void remove(SessionKey key) { }
        @Override public void remove(SessionKey key, StoredSession session) { }
        @Override public List<Entry> list(Instant now) { return List.of(); }
        @Override public void clear() { }
    }

    /** Answers one known name with one loopback address, without a query and without a cache. */
    public static final class FixedAnswer implements DnsResolver {
        private final String host;
        private final InetAddress address;

        public FixedAnswer(String host, InetAddress address) {
            this.host = host;
            this.address = address;
        }

        @Override
        public DnsAnswer resolve(String name, StepTrace trace) throws NavigationException {
            if (!host.equalsIgnoreCase(name)) {
                throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "the warm-up resolves only " + host);
            }
            return DnsAnswer.of(List.of(address), false);
        }
    }
}
