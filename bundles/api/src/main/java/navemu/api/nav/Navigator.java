package navemu.api.nav;

import org.osgi.annotation.versioning.ProviderType;

import navemu.api.result.NavigationResult;

/**
 * The browser: runs one navigation through a snapshot of the composition
 * (hsts → dns → tcp → tls → http, then redirects), and records what happened.
 *
 * <p>Never throws for a failed navigation: the result says {@code ok=false} with the error.
 * It returns when the navigation ends; every network wait inside has a timeout.
 */
@ProviderType
public interface Navigator {

    NavigationResult navigate(NavigationRequest request);

    /**
     * Closes every idle connection kept for reuse (as a browser does when its browsing data is
     * cleared), so the next navigation connects anew; connections in use are left to finish.
     *
     * @return how many were closed
     */
    default int closeIdleConnections() {
        return 0;
    }
}
