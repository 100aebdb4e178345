package navemu.api.nav;

import navemu.api.result.NavigationResult;

/**
 * The browser: runs one navigation through a snapshot of the composition
 * (hsts → dns → tcp → tls → http, then redirects), and records what happened.
 *
 * <p>Never throws for a failed navigation: the result says {@code ok=false} with the error.
 * It returns when the navigation ends; every network wait inside has a timeout.
 */
public interface Navigator {

    NavigationResult navigate(NavigationRequest request);
}
