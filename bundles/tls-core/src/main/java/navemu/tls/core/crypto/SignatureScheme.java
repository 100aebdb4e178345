package navemu.tls.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * The signature schemes of RFC 8446 §4.2.3, with verification (and signing, for test servers)
 * on Bouncy Castle's lightweight API.
 */
public enum SignatureScheme {
    RSA_PKCS1_SHA256(0x0401, Kind.RSA_PKCS1, HashAlgorithm.SHA256, null),
    RSA_PKCS1_SHA384(0x0501, Kind.RSA_PKCS1, HashAlgorithm.SHA384, null),
    RSA_PKCS1_SHA512(0x0601, Kind.RSA_PKCS1, HashAlgorithm.SHA512, null),
    ECDSA_SECP256R1_SHA256(0x0403, Kind.ECDSA, HashAlgorithm.SHA256, "secp256r1"),
    ECDSA_SECP384R1_SHA384(0x0503, Kind.ECDSA, HashAlgorithm.SHA384, "secp384r1"),
    ECDSA_SECP521R1_SHA512(0x0603, Kind.ECDSA, HashAlgorithm.SHA512, "secp521r1"),
    RSA_PSS_RSAE_SHA256(0x0804, Kind.RSA_PSS, HashAlgorithm.SHA256, null),
    RSA_PSS_RSAE_SHA384(0x0805, Kind.RSA_PSS, HashAlgorithm.SHA384, null),
    RSA_PSS_RSAE_SHA512(0x0806, Kind.RSA_PSS, HashAlgorithm.SHA512, null),
    ED25519(0x0807, Kind.ED25519, null, null);

    private enum Kind { RSA_PKCS1, RSA_PSS, ECDSA, ED25519 }

    private final int code;
    private final Kind kind;
    private final HashAlgorithm hash;
    private final String curve;

    SignatureScheme(int code, Kind kind, HashAlgorithm hash, String curve) {
        this.code = code;
        this.kind = kind;
        this.hash = hash;
        this.curve = curve;
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * RSASSA-PKCS1-v1_5 may sign certificates but never a TLS 1.3 CertificateVerify
     * (RFC 8446 §4.2.3, §4.4.3).
     */
    public boolean allowedInTls13CertificateVerify() {
        return kind != Kind.RSA_PKCS1;
    }

    public static SignatureScheme of(int code) {
        for (SignatureScheme s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    public static String nameOf(int code) {
        SignatureScheme s = of(code);
        if (s != null) {
            return s.rfcName();
        }
        switch (code) {
            case 0x0201: return "rsa_pkcs1_sha1";
            case 0x0203: return "ecdsa_sha1";
            case 0x0808: return "ed448";
            case 0x0809: return "rsa_pss_pss_sha256";
            case 0x080a: return "rsa_pss_pss_sha384";
            case 0x080b: return "rsa_pss_pss_sha512";
            default: return String.format("0x%04x", code);
        }
    }

    /**
     * Checks {@code signature} over {@code message} with the certificate's public key. A key of
     * the wrong type for this scheme (or an ECDSA key on another curve, RFC 8446 §4.2.3) is an
     * illegal_parameter; a signature that does not verify returns false (the caller sends
     * decrypt_error, §4.4.3).
     */
    public boolean verify(AsymmetricKeyParameter publicKey, byte[] message, byte[] signature) throws TlsAlertException {
        return verify(publicKey, message, signature, true);
    }

    /**
     * The same check for a TLS 1.2 signature (ServerKeyExchange): TLS 1.2 reads these code points
     * as (hash, signature) pairs (RFC 5246 §7.4.1.4.1), so ecdsa_secp256r1_sha256 there means
     * "ECDSA with SHA-256" on whatever curve the certificate's key is; only TLS 1.3 binds the
     * curve to the scheme (RFC 8446 §4.2.3). OpenSSL, GnuTLS, the JDK and BoringSSL all accept a
     * P-384 key signing with SHA-256 in TLS 1.2.
     */
    public boolean verifyTls12(AsymmetricKeyParameter publicKey, byte[] message, byte[] signature) throws TlsAlertException {
        return verify(publicKey, message, signature, false);
    }

    private boolean verify(AsymmetricKeyParameter publicKey, byte[] message, byte[] signature, boolean curveBound)
            throws TlsAlertException {
        checkKey(publicKey, curveBound);
        Signer signer = signer();
        signer.init(false, publicKey);
        signer.update(message, 0, message.length);
        try {
            return signer.verifySignature(signature);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Signs {@code message}: for test servers and the lab, never used by the client itself. */
    public byte[] sign(AsymmetricKeyParameter privateKey, byte[] message, SecureRandom random) {
        Signer signer = signer();
        signer.init(true, privateKey instanceof Ed25519PrivateKeyParameters ? privateKey
                : new ParametersWithRandom(privateKey, random));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("signing with " + rfcName() + " failed", e);
        }
    }

    private Signer signer() {
        switch (kind) {
            case RSA_PKCS1:
                return new RSADigestSigner(hash.newDigest());
            case RSA_PSS:
                // rsa_pss_rsae_*: MGF1 with the same hash, salt as long as the hash (RFC 8446 §4.2.3).
                return new PSSSigner(new RSABlindedEngine(), hash.newDigest(), hash.length());
            case ECDSA:
                return new DSADigestSigner(new ECDSASigner(), hash.newDigest());
            default:
                return new Ed25519Signer();
        }
    }

    private void checkKey(AsymmetricKeyParameter key, boolean curveBound) throws TlsAlertException {
        boolean fits;
        switch (kind) {
            case RSA_PKCS1:
            case RSA_PSS:
                fits = key instanceof RSAKeyParameters;
                break;
            case ECDSA:
                fits = key instanceof ECKeyParameters && (!curveBound || onCurve((ECKeyParameters) key));
                break;
            default:
                fits = key instanceof Ed25519PublicKeyParameters || key instanceof Ed25519PrivateKeyParameters;
        }
        if (!fits) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server signed with " + rfcName() + " but its certificate holds a "
                            + key.getClass().getSimpleName().replace("KeyParameters", "") + " key that does not fit it");
        }
    }

    private boolean onCurve(ECKeyParameters key) {
        X9ECParameters named = CustomNamedCurves.getByName(curve);
        BigInteger n = key.getParameters().getN();
        return named != null && named.getN().equals(n)
                && named.getCurve().getFieldSize() == key.getParameters().getCurve().getFieldSize();
    }
}
