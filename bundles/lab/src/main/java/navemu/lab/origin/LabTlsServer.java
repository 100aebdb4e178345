package navemu.lab.origin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Hashtable;
import java.util.Vector;

import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import navemu.lab.ca.SiteCredential;
import navemu.lab.site.TlsSpec;

/**
 * Bouncy Castle's TLS server, set up from a site's {@link TlsSpec}: which versions, groups and
 * cipher suites it accepts, which certificate it presents, whether it staples OCSP.
 * One instance per connection (Bouncy Castle's TlsServer objects hold per-handshake state).
 */
final class LabTlsServer extends DefaultTlsServer {

    private static final int[] TLS13_SUITES = {
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256};
    private static final int[] ECDHE_ECDSA_SUITES = {
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256};
    private static final int[] ECDHE_RSA_SUITES = {
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256};

    private final TlsSpec spec;
    private final ServerChain chain;
    private final AsymmetricKeyParameter privateKey;
    private final OcspStaple staple;
    private final SessionCache sessions;

    LabTlsServer(BcTlsCrypto crypto, TlsSpec spec, ServerChain chain, AsymmetricKeyParameter privateKey,
                 OcspStaple staple, SessionCache sessions) {
        super(crypto);
        this.spec = spec;
        this.chain = chain;
        this.privateKey = privateKey;
        this.staple = staple;
        this.sessions = sessions;
    }

    static AsymmetricKeyParameter keyParameter(SiteCredential credential) throws IOException {
        return PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(credential.key().getEncoded()));
    }

    /** How the connection was made, for the page the site serves. */
    String describe() {
        return TlsNames.versionName(context.getServerVersion()) + " with "
                + TlsNames.cipherSuiteName(context.getSecurityParametersConnection().getCipherSuite())
                + " (Bouncy Castle TLS server)";
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return spec.versions().stream().map(TlsNames::version).toArray(ProtocolVersion[]::new);
    }

    /**
     * With {@code answerVersion} set, the server supports a later version but answers this one:
     * Bouncy Castle then writes the RFC 8446 §4.1.3 downgrade sentinel into ServerHello.random,
     * because the version it negotiated is below the latest of {@link #getSupportedVersions()}.
     */
    @Override
    public ProtocolVersion getServerVersion() throws IOException {
        if (spec.answerVersion() == null) {
            return super.getServerVersion();
        }
        ProtocolVersion answer = TlsNames.version(spec.answerVersion());
        ProtocolVersion[] offered = context.getClientSupportedVersions();
        if (offered != null && ProtocolVersion.contains(offered, answer)) {
            return answer;
        }
        throw new TlsFatalAlert(AlertDescription.protocol_version, "this lab server only answers " + spec.answerVersion());
    }

    /** In TLS 1.3 a client whose key_share has none of these gets a HelloRetryRequest (RFC 8446 §4.1.4). */
    @Override
    public int[] getSupportedGroups() throws IOException {
        if (spec.groups().isEmpty()) {
            return super.getSupportedGroups();
        }
        return spec.groups().stream().mapToInt(TlsNames::group).toArray();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        if (!spec.cipherSuites().isEmpty()) {
            return spec.cipherSuites().stream().mapToInt(TlsNames::cipherSuite).toArray();
        }
        // Only the TLS 1.2 suites this certificate can authenticate: Bouncy Castle picks the suite
        // before it asks for credentials.
        int[] tls12 = isRsa() ? ECDHE_RSA_SUITES : ECDHE_ECDSA_SUITES;
        int[] all = new int[TLS13_SUITES.length + tls12.length];
        System.arraycopy(TLS13_SUITES, 0, all, 0, TLS13_SUITES.length);
        System.arraycopy(tls12, 0, all, TLS13_SUITES.length, tls12.length);
        return all;
    }

    @Override
    protected Vector getProtocolNames() {
        Vector<ProtocolName> names = new Vector<>();
        for (String protocol : spec.alpn()) {
            names.add(ProtocolName.asUtf8Encoding(protocol));
        }
        return names;
    }

    /** The protocol ALPN selected in the handshake, or null when the client offered none the site speaks. */
    String selectedProtocol() {
        ProtocolName selected = context.getSecurityParametersConnection().getApplicationProtocol();
        return selected == null ? null : selected.getUtf8Decoding();
    }

    /** Bouncy Castle's DefaultTlsServer picks credentials by the TLS 1.2 key exchange; TLS 1.3 has none (§4.4.2). */
    @Override
    public TlsCredentials getCredentials() throws IOException {
        if (TlsUtils.isTLSv13(context)) {
            return isRsa() ? getRSASignerCredentials() : getECDSASignerCredentials();
        }
        return super.getCredentials();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        if (isRsa()) {
            return null;
        }
        // A P-256 key signs with ecdsa_secp256r1_sha256 (RFC 8446 §4.2.3).
        return signer(List.of(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa)));
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        if (!isRsa()) {
            return null;
        }
        List<SignatureAndHashAlgorithm> preferred = new ArrayList<>(List.of(
                SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
                SignatureAndHashAlgorithm.rsa_pss_rsae_sha512));
        if (!TlsUtils.isTLSv13(context)) {
            // RFC 8446 §4.2.3: PKCS#1 v1.5 signatures are for TLS 1.2 handshakes only.
            preferred.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
            preferred.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa));
        }
        return signer(preferred);
    }

    /** TLS 1.2 RSA key exchange: the client encrypts the premaster secret to this key (RFC 5246 §7.4.7.1). */
    @Override
    protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
        if (!isRsa()) {
            return null;
        }
        return new BcDefaultTlsCredentialedDecryptor((BcTlsCrypto) getCrypto(), certificate(), privateKey);
    }

    /** TLS 1.2 session IDs (RFC 5246 §7.4.1.3): a fresh random one per full handshake. */
    @Override
    public byte[] getNewSessionID() {
        byte[] id = new byte[32];
        getCrypto().getSecureRandom().nextBytes(id);
        return id;
    }

    /** RFC 5246 §7.4.1.2: a client offering a cached ID gets an abbreviated handshake. */
    @Override
    public TlsSession getSessionToResume(byte[] sessionId) {
        return sessions.find(sessionId);
    }

    /**
     * Bouncy Castle hands {@code notifySession} a placeholder early in the handshake and builds the
     * finished session at its end: cache that one. (TLS 1.3 sessions are not resumable here.)
     */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        if (!TlsUtils.isTLSv13(context)) {
            sessions.store(context.getSession());
        }
    }

    /** RFC 6066 §8: staple only when the client asked with status_request (TLS 1.2 CertificateStatus). */
    @Override
    public CertificateStatus getCertificateStatus() throws IOException {
        if (staple == null || certificateStatusRequest == null) {
            return null;
        }
        return new CertificateStatus(CertificateStatusType.ocsp, OCSPResponse.getInstance(staple.current()));
    }

    /** With {@code -Dnavemu.lab.debug=true} the lab prints why it aborted a handshake. */
    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        if (level == AlertLevel.fatal && Boolean.getBoolean("navemu.lab.debug")) {
            System.err.println("navemu lab: " + spec.names() + " raised " + AlertDescription.getText(description)
                    + (message == null ? "" : ": " + message) + (cause == null ? "" : " (" + cause + ")"));
            if (cause != null) {
                cause.printStackTrace();
            }
        }
    }

    private TlsCredentialedSigner signer(List<SignatureAndHashAlgorithm> preferred) throws IOException {
        Vector<?> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        for (SignatureAndHashAlgorithm algorithm : preferred) {
            if (offered == null || offered.contains(algorithm)) {
                return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (BcTlsCrypto) getCrypto(),
                        privateKey, certificate(), algorithm);
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure,
                "the client offers no signature algorithm this lab certificate can make: " + preferred);
    }

    private Certificate certificate() throws IOException {
        TlsCertificate[] certificates = chain.certificates();
        if (!TlsUtils.isTLSv13(context)) {
            return new Certificate(certificates);
        }
        // RFC 8446 §4.4.2: TLS 1.3 wraps each certificate in a CertificateEntry with its own extensions.
        CertificateEntry[] entries = new CertificateEntry[certificates.length];
        for (int i = 0; i < certificates.length; i++) {
            entries[i] = new CertificateEntry(certificates[i], i == 0 ? leafExtensions13() : null);
        }
        return new Certificate(TlsUtils.EMPTY_BYTES, entries);
    }

    /**
     * RFC 8446 §4.4.2.1: in TLS 1.3 a stapled OCSP response travels in the leaf's CertificateEntry
     * as a status_request extension holding a CertificateStatus (RFC 6066 §8). Bouncy Castle's
     * server does not put it there itself, but sends the entry extensions it is given.
     */
    private Hashtable<Integer, byte[]> leafExtensions13() throws IOException {
        if (staple == null || certificateStatusRequest == null) {
            return null;
        }
        ByteArrayOutputStream status = new ByteArrayOutputStream();
        new CertificateStatus(CertificateStatusType.ocsp, OCSPResponse.getInstance(staple.current())).encode(status);
        Hashtable<Integer, byte[]> extensions = new Hashtable<>();
        extensions.put(ExtensionType.status_request, status.toByteArray());
        return extensions;
    }

    private boolean isRsa() {
        return privateKey instanceof RSAKeyParameters;
    }
}
