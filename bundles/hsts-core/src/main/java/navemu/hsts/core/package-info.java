/**
 * The rules of HTTP Strict Transport Security (RFC 6797), in one place, for the four
 * {@code hsts} slot implementations: the {@code Strict-Transport-Security} header grammar
 * ({@link navemu.hsts.core.StsHeaderParser}), which responses may set a policy
 * ({@link navemu.hsts.core.StsObservationRules}), host name normalisation and matching
 * ({@link navemu.hsts.core.HstsHost}, {@link navemu.hsts.core.HstsTable}) and a complete
 * in-memory store of dynamic entries ({@link navemu.hsts.core.DynamicHstsStore}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package navemu.hsts.core;
