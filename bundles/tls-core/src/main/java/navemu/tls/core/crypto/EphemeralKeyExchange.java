package navemu.tls.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * One side's ephemeral (EC)DHE key pair for a key_share (RFC 8446 §4.2.8), and the shared
 * secret it makes with the peer's share (§7.4.2: X25519 output; for NIST curves the x
 * coordinate, padded to the field size).
 */
public final class EphemeralKeyExchange implements ClientKeyShare {
    private final NamedGroup group;
    private final X25519PrivateKeyParameters x25519;
    private final ECPrivateKeyParameters ecPrivate;
    private final byte[] publicKey;

    private EphemeralKeyExchange(NamedGroup group, X25519PrivateKeyParameters x25519, ECPrivateKeyParameters ecPrivate,
                                 byte[] publicKey) {
        this.group = group;
        this.x25519 = x25519;
        this.ecPrivate = ecPrivate;
        this.publicKey = publicKey;
    }

    /** A key pair on a Diffie-Hellman group; a hybrid group is made by {@link ClientKeyShare#generate}. */
    public static EphemeralKeyExchange generate(NamedGroup group, SecureRandom random) {
        if (group.isHybrid()) {
            throw new IllegalArgumentException(group + " is not a Diffie-Hellman group; use ClientKeyShare.generate");
        }
        if (group == NamedGroup.X25519) {
            return ofX25519(new X25519PrivateKeyParameters(random));
        }
        ECDomainParameters domain = domain(group);
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(domain, random));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
        return new EphemeralKeyExchange(group, null, (ECPrivateKeyParameters) pair.getPrivate(), pub.getQ().getEncoded(false));
    }

    /** A fixed X25519 private key, e.g. the one RFC 8448 shows. */
    public static EphemeralKeyExchange x25519(byte[] privateKey) {
        return ofX25519(new X25519PrivateKeyParameters(privateKey, 0));
    }

    private static EphemeralKeyExchange ofX25519(X25519PrivateKeyParameters priv) {
        return new EphemeralKeyExchange(NamedGroup.X25519, priv, null, priv.generatePublicKey().getEncoded());
    }

    public NamedGroup group() {
        return group;
    }

    @Override
    public int groupCode() {
        return group.code();
    }

    @Override
    public String groupName() {
        return group.rfcName();
    }

    /** The key_exchange bytes to put into a KeyShareEntry. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The (EC)DHE shared secret with the peer's key_exchange value. A malformed share, a point
     * not on the curve, or an all-zero X25519 result is an illegal_parameter (RFC 8446 §4.2.8.2,
     * §7.4.2).
     */
    @Override
    public byte[] sharedSecret(byte[] peerPublic) throws TlsAlertException {
        if (peerPublic.length != group.publicKeyLength()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    group + " key share must be " + group.publicKeyLength() + " bytes, got " + peerPublic.length);
        }
        if (group == NamedGroup.X25519) {
            byte[] out = new byte[32];
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(x25519);
            try {
                agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), out, 0);
            } catch (IllegalStateException allZero) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "the server's x25519 share gives an all-zero shared secret (RFC 8446 §7.4.2)");
            }
            return out;
        }
        if (peerPublic[0] != 0x04) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    group + " key share must be an uncompressed point (RFC 8446 §4.2.8.2)");
        }
        ECDomainParameters domain = ecPrivate.getParameters();
        ECPoint q;
        try {
            q = domain.getCurve().decodePoint(peerPublic);
            if (!q.isValid() || q.isInfinity()) {
                throw new IllegalArgumentException("point not valid");
            }
        } catch (RuntimeException e) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server's " + group + " key share is not a point on the curve", e);
        }
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(ecPrivate);
        BigInteger z = agreement.calculateAgreement(new ECPublicKeyParameters(q, domain));
        return BigIntegers.asUnsignedByteArray(agreement.getFieldSize(), z);
    }

    private static ECDomainParameters domain(NamedGroup group) {
        X9ECParameters curve = CustomNamedCurves.getByName(group.rfcName());
        return new ECDomainParameters(curve);
    }
}
