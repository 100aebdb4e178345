package navemu.api.nav;

import java.util.IdentityHashMap;
import java.util.Map;

import navemu.api.dns.DnsCache;
import navemu.api.dns.DnsResolver;
import navemu.api.session.PrivateSessionStores;
import navemu.api.session.SessionStore;

/**
 * A navigation's own state instead of the shell's shared DNS cache and session store, so that
 * navigations in different scopes never see each other's DNS answers or TLS sessions (the two
 * sides of {@code compare}). Navigations run with the same scope share its state, as the visits
 * of one browser profile do; a new scope starts empty, like a fresh profile.
 *
 * <p>The private state is made on first use, one per shared service: a resolver that is a
 * {@link DnsCache} gets a private cache, a session store that is {@link PrivateSessionStores} a
 * private store. A service that can make neither (a resolver without a cache, the {@code off}
 * store) is used as it is, and the navigation's trace says there was nothing to isolate.
 */
public final class NavigationScope {
    private final String name;
    private final Map<Object, Object> privateCopies = new IdentityHashMap<>();

    private NavigationScope(String name) {
        this.name = name;
    }

    /** A new, empty scope; {@code name} is what the trace calls it ({@code left}, {@code right}). */
    public static NavigationScope isolated(String name) {
        return new NavigationScope(name);
    }

    public String name() {
        return name;
    }

    /** The resolver a navigation in this scope uses instead of {@code shared}. */
    public DnsResolver resolver(DnsResolver shared) {
        return shared instanceof DnsCache cache ? privateCopy(shared, cache::withPrivateCache, DnsResolver.class) : shared;
    }

    /** The session store a navigation in this scope uses instead of {@code shared}. */
    public SessionStore sessions(SessionStore shared) {
        return shared instanceof PrivateSessionStores stores
                ? privateCopy(shared, stores::newPrivateStore, SessionStore.class) : shared;
    }

    private synchronized <T> T privateCopy(Object shared, java.util.function.Supplier<? extends T> make, Class<T> type) {
        return type.cast(privateCopies.computeIfAbsent(shared, s -> make.get()));
    }

    @Override
    public String toString() {
        return "scope " + name;
    }
}
