package navemu.api.cert;

import java.security.cert.X509Certificate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of trust anchors (the lab's root, the system's CA bundle). Validators take the union
 * of every provider registered, tracking them as they come and go.
 */
@ConsumerType
public interface TrustAnchorProvider {

    /** For messages: {@code lab root}, {@code system CA bundle /etc/ssl/certs/ca-certificates.crt}. */
    String name();

    List<X509Certificate> anchors();
}
