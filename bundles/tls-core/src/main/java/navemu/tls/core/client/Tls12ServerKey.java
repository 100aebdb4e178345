package navemu.tls.core.client;

import java.util.List;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.Tls12CipherSuite;

/**
 * In TLS 1.2 the cipher suite says what the server's certificate key is for, so the key must fit
 * it before it is used: RSA key exchange and ECDHE_RSA need an RSA key, ECDHE_ECDSA an EC key on
 * a curve we offered in supported_groups (RFC 8422 §5.3: the client's curves bound the
 * certificate's too). BoringSSL checks this as soon as the Certificate arrives
 * ({@code ssl_check_leaf_certificate}, from {@code do_read_server_certificate}) and sends
 * illegal_parameter. TLS 1.3 needs none of this: there CertificateVerify's scheme names the curve.
 */
final class Tls12ServerKey {
    private Tls12ServerKey() {
    }

    static void check(AsymmetricKeyParameter key, Tls12CipherSuite suite, List<NamedGroup> supportedGroups)
            throws TlsAlertException {
        if (suite.keyExchange() != Tls12CipherSuite.KeyExchange.ECDHE_ECDSA) {
            if (!(key instanceof RSAKeyParameters)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, suite + " needs an RSA certificate; the server's holds "
                        + kind(key) + " key (RFC 5246 §7.4.2)");
            }
            return;
        }
        if (!(key instanceof ECKeyParameters ec)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, suite + " needs an ECDSA certificate; the server's holds "
                    + kind(key) + " key (RFC 8422 §5.3)");
        }
        for (NamedGroup group : supportedGroups) {
            X9ECParameters curve = CustomNamedCurves.getByName(group.rfcName());
            if (curve != null && curve.getN().equals(ec.getParameters().getN())
                    && curve.getCurve().getFieldSize() == ec.getParameters().getCurve().getFieldSize()) {
                return;
            }
        }
        throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server's ECDSA key is on a "
                + ec.getParameters().getCurve().getFieldSize() + "-bit curve that is not in our supported_groups " + supportedGroups
                + " (RFC 8422 §5.3)");
    }

    private static String kind(AsymmetricKeyParameter key) {
        return key instanceof RSAKeyParameters ? "an RSA" : key instanceof ECKeyParameters ? "an EC" : "a "
                + key.getClass().getSimpleName().replace("PublicKeyParameters", "").replace("KeyParameters", "");
    }
}
