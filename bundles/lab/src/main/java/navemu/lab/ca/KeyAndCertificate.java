package navemu.lab.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private key and the certificate for its public key: one entry of the lab CA's disk cache. */
public record KeyAndCertificate(PrivateKey key, X509Certificate certificate) {
}
