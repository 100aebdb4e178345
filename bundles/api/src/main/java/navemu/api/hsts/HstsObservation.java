package navemu.api.hsts;

import java.util.List;

/**
 * The Strict-Transport-Security headers of one response and the conditions they came under.
 *
 * @param host          the host that answered
 * @param headerValues  every Strict-Transport-Security header value, in order (only the first counts)
 * @param secure        the response came over TLS
 * @param certificateOk the certificate was valid with no error (not merely let through by a lenient validator)
 */
public record HstsObservation(String host, List<String> headerValues, boolean secure, boolean certificateOk) {

    public HstsObservation {
        headerValues = List.copyOf(headerValues);
    }
}
