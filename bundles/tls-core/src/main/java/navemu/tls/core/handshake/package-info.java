/**
 * tls-core is a library bundle shared by navemu's own TLS clients (tls13-ecdhe, tls12-rsa,
 * browser), so its packages are exported.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.tls.core.handshake;
