package navemu.api.session;

import java.time.Instant;
import java.util.List;

/**
 * The server's certificate chain of the connection that made a session, and how it was judged.
 * A resumed connection carries no Certificate message, so this is what the active {@code cert}
 * slot re-validates on every resumption, as Chrome re-verifies a resumed session's chain
 * (BoringSSL's reverify-on-resume).
 *
 * @param chain       DER certificates as the server sent them, leaf first (never empty)
 * @param stapledOcsp the DER OCSPResponse the server stapled, or null
 * @param keyExchange {@code ECDHE} or {@code RSA}: what the leaf key was used for (see {@code ValidationRequest})
 * @param validator   the validator that judged the chain when the session was made ({@code pkix}, …)
 * @param verdict     that validator's verdict, one sentence
 * @param validatedAt when it was judged
 */
public record SessionCertificate(List<byte[]> chain, byte[] stapledOcsp, String keyExchange, String validator,
                                 String verdict, Instant validatedAt) {

    public SessionCertificate {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a session certificate needs the server's chain");
        }
        chain = chain.stream().map(byte[]::clone).toList();
        stapledOcsp = stapledOcsp == null ? null : stapledOcsp.clone();
    }

    /** The chain as a fresh copy (the record keeps its own). */
    @Override
    public List<byte[]> chain() {
        return chain.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] stapledOcsp() {
        return stapledOcsp == null ? null : stapledOcsp.clone();
    }
}
