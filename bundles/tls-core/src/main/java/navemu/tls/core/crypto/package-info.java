/**
 * Internal to tls-core (not exported): the TLS clients in {@code navemu.tls.core.client} are the
 * library's only surface, so these types, and the Bouncy Castle types some of them use, stay
 * inside the bundle.
 */
package navemu.tls.core.crypto;
