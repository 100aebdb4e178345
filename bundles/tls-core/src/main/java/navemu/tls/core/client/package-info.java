/**
 * What navemu's own TLS clients share above the codecs: handshake messages over the record
 * layer ({@link navemu.tls.core.client.HandshakeIo}), reporting
 * ({@link navemu.tls.core.client.MessageLog}), turning failures into browser errors
 * ({@link navemu.tls.core.client.HandshakeFailures}), and the TLS 1.2 client handshake and
 * channel used by tls12-rsa and browser.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.tls.core.client;
