/**
 * How other bundles (the shell's {@code net} command) see and change the emulated link while
 * navemu runs: {@link navemu.tcp.emulated.api.LinkControl}, a service registered by the
 * {@code tcp} slot's {@code emulated} implementation, and the immutable
 * {@link navemu.tcp.emulated.api.LinkConditions} it holds.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.tcp.emulated.api;
