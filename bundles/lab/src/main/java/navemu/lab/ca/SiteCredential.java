package navemu.lab.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a lab server needs to present a certificate.
 *
 * @param key        the leaf's private key
 * @param chain      the certificates the server sends, leaf first (RFC 8446 §4.4.2)
 * @param issuer     the leaf's issuer (itself when self-signed), which also signs its OCSP responses
 */
public record SiteCredential(PrivateKey key, List<X509Certificate> chain, KeyAndCertificate issuer) {

    public SiteCredential {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }
}
