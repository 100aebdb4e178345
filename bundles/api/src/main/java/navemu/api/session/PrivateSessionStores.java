package navemu.api.session;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link SessionStore} that can make private stores of its kind: what a navigation with a
 * private {@link navemu.api.nav.NavigationScope} keeps its TLS sessions in, so it neither resumes
 * with nor hands out the shared store's sessions. A store that keeps nothing ({@code off}) needs
 * no private copy and does not implement this.
 */
@ConsumerType
public interface PrivateSessionStores {

    /** A new, empty store with this store's rules, kept in memory only (never in a shared file). */
    SessionStore newPrivateStore();
}
