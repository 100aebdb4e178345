/**
 * Fingerprints of a ClientHello as servers and CDNs compute them (JA4), so navemu can show
 * whether its hello looks like a browser's. Private to tls-core: the clients put the fingerprint
 * in their trace; no other bundle needs the class.
 */
package navemu.tls.core.fingerprint;
