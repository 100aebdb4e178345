/**
 * What the TCP implementations (socket, happy-eyeballs, emulated) share: naming a failed connect
 * the way a browser does, and a {@code Connection} over a plain socket. A library package, the one
 * export of this bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.tcp.core;
