package navemu.dns.doh;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SSLContext that trusts exactly the given anchors (the union of the registered
 * {@link navemu.api.cert.TrustAnchorProvider}s): the DoH server's certificate is checked by the
 * JDK's PKIX validator and, because the HTTP client asks for it, against the server name (RFC 2818).
 */
final class AnchorTrust {

    private AnchorTrust() {
    }

    static SSLContext context(List<X509Certificate> anchors) throws GeneralSecurityException {
        if (anchors.isEmpty()) {
            throw new GeneralSecurityException("no trust anchors are registered (no TrustAnchorProvider service):"
                    + " no DoH server can be authenticated");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
        int i = 0;
        for (X509Certificate anchor : anchors) {
            store.setCertificateEntry("anchor-" + i++, anchor);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
