package navemu.api.nav;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An explicit map from host and scheme to port (the lab registers one for its sites), consulted
 * when the URL names no port and DNS gave no HTTPS record with a {@code port} parameter.
 * The navigator always shows in the trace where a port came from.
 */
@ConsumerType
public interface PortMap {

    /** @param scheme {@code https} or {@code http} */
    Optional<PortHint> port(String host, String scheme);
}
