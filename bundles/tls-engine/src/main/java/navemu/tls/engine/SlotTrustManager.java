package navemu.tls.engine;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;

/**
 * The trust decision the SSLEngine's library asks for, handed to the navigation's {@code cert} slot instead of the
 * JDK's own trust store: the chain exactly as the server sent it, the host, the navigation's time.
 * A verdict that does not accept fails the handshake (the library then sends the matching alert).
 */
final class SlotTrustManager extends X509ExtendedTrustManager {

    /** Thrown into the TLS library when the cert slot said no; carries the verdict out again. */
    static final class Rejected extends CertificateException {
        private static final long serialVersionUID = 1L;
        final transient CertVerdict verdict;

        Rejected(CertVerdict verdict) {
            super(verdict.reason() == null ? "the cert slot rejected the chain" : verdict.reason());
            this.verdict = verdict;
        }
    }

    private final CertificateValidator validator;
    private final String host;
    private final Instant now;
    private final StepTrace trace;
    /** The library that calls this trust manager, for the trace: "JSSE", "Conscrypt". */
    private final String caller;
    private CertVerdict verdict;

    SlotTrustManager(CertificateValidator validator, String host, Instant now, StepTrace trace, String caller) {
        this.caller = caller;
        this.validator = validator;
        this.host = host;
        this.now = now;
        this.trace = trace;
    }

    /** The verdict, once the server's Certificate has been checked; null before. */
    CertVerdict verdict() {
        return verdict;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        decide(chain, authType, stapledOcsp(engine == null ? null : engine.getHandshakeSession()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        decide(chain, authType, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        decide(chain, authType, null);
    }

    /**
     * The OCSP response the server stapled for its leaf (RFC 6066 §8 status_request, which JSSE and BoringSSL
     * send by default; in TLS 1.2 it arrives in CertificateStatus, in TLS 1.3 inside the Certificate message).
     */
    private static byte[] stapledOcsp(SSLSession session) {
        if (session instanceof ExtendedSSLSession) {
            List<byte[]> responses = ((ExtendedSSLSession) session).getStatusResponses();
            if (responses != null && !responses.isEmpty() && responses.get(0) != null && responses.get(0).length > 0) {
                return responses.get(0);
            }
        }
        return null;
    }

    private void decide(X509Certificate[] chain, String authType, byte[] stapledOcsp) throws CertificateException {
        List<byte[]> der = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                der.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new CertificateException("the server's certificate could not be re-encoded", e);
            }
        }
        String keyExchange = keyExchange(authType);
        String exchange = isTls13(authType) ? "(EC)DHE, as always in TLS 1.3" : authType;
        trace.info(caller + " hands the server's chain (" + chain.length + " certificate(s), key exchange "
                + exchange + (stapledOcsp == null ? ", no stapled OCSP response" : ", a stapled OCSP response of "
                + stapledOcsp.length + " bytes") + ") to the cert slot");
        if (validator == null) {
            verdict = new CertVerdict(false, NetError.ERR_CERT_AUTHORITY_INVALID,
                    "no cert slot implementation is active: nothing can vouch for the chain", null);
        } else {
            try {
                verdict = validator.validate(new ValidationRequest(der, host, now, keyExchange, stapledOcsp), trace);
            } catch (RuntimeException e) {
                verdict = new CertVerdict(false, NetError.ERR_CERT_INVALID,
                        "the cert slot failed on this chain: " + e, null);
            }
        }
        if (verdict == null || !verdict.accepted()) {
            if (verdict == null) {
                verdict = new CertVerdict(false, NetError.ERR_CERT_INVALID, "the cert slot gave no verdict", null);
            }
            throw new Rejected(verdict);
        }
    }

    /**
     * The authType (as JSSE defines it, which Conscrypt follows) names the key exchange for TLS 1.2
     * ({@code RSA}, {@code ECDHE_RSA}, {@code ECDHE_ECDSA}…); for TLS 1.3, where the exchange is always
     * (EC)DHE, JSSE reports {@code UNKNOWN} (or the signature key type) and BoringSSL {@code GENERIC}.
     */
    static String keyExchange(String authType) {
        if (authType == null) {
            return null;
        }
        return authType.equals("RSA") || authType.equals("RSA_EXPORT") ? "RSA" : "ECDHE";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("navemu is a client; it does not judge client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("navemu is a client; it does not judge client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("navemu is a client; it does not judge client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** The authTypes JSSE ({@code UNKNOWN}) and BoringSSL ({@code GENERIC}) give for a TLS 1.3 handshake. */
    private static boolean isTls13(String authType) {
        return "UNKNOWN".equals(authType) || "GENERIC".equals(authType);
    }
}
