package navemu.api.result;

import java.util.ArrayList;
import java.util.List;

/** What the TLS handshake negotiated, and the messages it exchanged. */
public final class TlsInfo {
    /** {@code TLSv1.3} or {@code TLSv1.2}. */
    public String version;
    /** IANA name, e.g. {@code TLS_AES_128_GCM_SHA256}. */
    public String cipherSuite;
    /** Key-exchange group, e.g. {@code x25519}; null for RSA key exchange. */
    public String group;
    public boolean resumed;
    /** True when early data was sent and accepted. */
    public boolean earlyData;
    /** Null, or the ALPN protocol the server selected. */
    public String alpn;
    public String sni;
    /** Every handshake message, in order. */
    public List<TlsMessage> messages = new ArrayList<>();
}
