/**
 * navemu's own TLS clients, the one package tls-core exports: {@link navemu.tls.core.client.Tls13Client}
 * (tls13-ecdhe), {@link navemu.tls.core.client.Tls12Client} (tls12-rsa) and
 * {@link navemu.tls.core.client.BrowserClient} (browser: one ClientHello for both versions, the
 * version dispatch), with their configurations. Everything else — the handshakes, their
 * narration, handshake I/O, the channels — is package-private; the record layer, codecs and key
 * schedule in the other packages are not exported.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.tls.core.client;
