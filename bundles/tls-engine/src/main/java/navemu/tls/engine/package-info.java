/**
 * One SSLEngine driver for the TLS slots that use a library's engine as the reference (jsse: the
 * JDK's SunJSSE; boringssl: BoringSSL through Conscrypt). {@link navemu.tls.engine.EngineTlsClient}
 * drives the engine over the connection, watches the plaintext handshake, asks the cert slot and maps
 * failures to a browser's errors; an {@link navemu.tls.engine.EngineStack} says what differs between
 * the libraries. Only those two types are exported; the machinery stays package-private.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.tls.engine;
