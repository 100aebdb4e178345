package navemu.api.cert;

import java.time.Instant;
import java.util.List;

/**
 * A server's chain and what it must be good for.
 *
 * @param chain        DER certificates exactly as the server sent them, leaf first
 * @param host         the host name (or IP literal) the user navigated to
 * @param at           the time to validate at (the navigation's clock)
 * @param keyExchange  {@code ECDHE} (the leaf signs: digitalSignature) or {@code RSA}
 *                     (the leaf decrypts the pre-master secret: keyEncipherment); null if unknown
 * @param stapledOcsp  a DER OCSPResponse stapled by the server, or null
 */
public record ValidationRequest(List<byte[]> chain, String host, Instant at, String keyExchange,
                                byte[] stapledOcsp) {

    public ValidationRequest {
        chain = List.copyOf(chain);
    }
}
