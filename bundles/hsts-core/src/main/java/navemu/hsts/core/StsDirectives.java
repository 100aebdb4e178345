package navemu.hsts.core;

import java.time.Duration;
import java.util.List;

/**
 * The directives of one valid {@code Strict-Transport-Security} header (RFC 6797 §6.1).
 *
 * @param maxAge            the policy's lifetime (§6.1.1), after the cap; zero means "forget this host"
 * @param maxAgeAsSent      the max-age digits as the server sent them (without quotes)
 * @param capped            the server's max-age was above {@link StsHeaderParser#MAX_AGE_CAP} and was cut
 * @param includeSubDomains the policy covers every subdomain too (§6.1.2)
 * @param preload           the {@code preload} directive was present: not part of RFC 6797, it is the
 *                          site's consent to hstspreload.org; a browser ignores it at run time
 * @param ignoredDirectives names of directives this user agent does not know, ignored by §6.1 rule 5
 */
public record StsDirectives(Duration maxAge, String maxAgeAsSent, boolean capped,
                            boolean includeSubDomains, boolean preload, List<String> ignoredDirectives) {

    public StsDirectives {
        ignoredDirectives = List.copyOf(ignoredDirectives);
    }

    /** The policy in header form, as it will be applied: {@code max-age=31536000; includeSubDomains}. */
    public String describe() {
        StringBuilder text = new StringBuilder("max-age=").append(maxAge.getSeconds());
        if (capped) {
            text.append(" (capped from ").append(maxAgeAsSent).append(')');
        }
        if (includeSubDomains) {
            text.append("; includeSubDomains");
        }
        if (preload) {
            text.append("; preload");
        }
        return text.toString();
    }
}
