package navemu.lab.origin;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A site's certificate chain in the form Bouncy Castle's TLS server sends, made once per site
 * rather than once per handshake: parsing the chain and encoding it again for every Certificate
 * message was a tenth of the lab server's work per connection.
 */
final class ServerChain {
    private final TlsCertificate[] certificates;

    ServerChain(BcTlsCrypto crypto, List<X509Certificate> chain) throws IOException {
        certificates = new TlsCertificate[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            try {
                certificates[i] = new AsIssued(crypto, chain.get(i).getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IOException("cannot encode a lab certificate", e);
            }
        }
    }

    /** A copy of the array (Bouncy Castle's Certificate keeps the array it is given). */
    TlsCertificate[] certificates() {
        return certificates.clone();
    }

    /**
     * A certificate that encodes to exactly the bytes the CA issued: Bouncy Castle's own class
     * re-encodes its parsed form on every {@code getEncoded()}.
     */
    static final class AsIssued extends BcTlsCertificate {
        private final byte[] der;

        AsIssued(BcTlsCrypto crypto, byte[] der) throws IOException {
            super(crypto, der);
            this.der = der.clone();
        }

        @Override
        public byte[] getEncoded() {
            return der.clone();
        }
    }
}
