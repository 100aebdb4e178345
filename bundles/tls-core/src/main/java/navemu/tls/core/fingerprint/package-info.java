/**
 * Fingerprints of a ClientHello as servers and CDNs compute them (JA4), so navemu can show
 * whether its hello looks like a browser's. Private to tls-core: the clients put the values into
 * the trace, so no other bundle needs the class (the bundle exports only its client package).
 */
package navemu.tls.core.fingerprint;
