/**
 * The rules every resuming {@code session} store keeps, in one place: entries keyed by host, port
 * and SNI and never offered under another key, several entries per key (a TLS 1.3 server sends
 * several tickets, RFC 8446 §4.6.1), newest first, expired entries never returned, single-use
 * {@code take} for TLS 1.3 tickets (RFC 8446 §8.1, Appendix C.4), and a bound on the number of
 * entries with least-recently-used eviction. The {@code memory} implementation is
 * {@link navemu.session.store.LruSessionStore} itself; the {@code file} implementation saves its
 * contents after every change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.session.store;
