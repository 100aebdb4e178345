/**
 * Fingerprints of a ClientHello as servers and CDNs compute them (JA4), so navemu can show
 * whether its hello looks like a browser's. tls-core is a library bundle, so this is exported.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.tls.core.fingerprint;
