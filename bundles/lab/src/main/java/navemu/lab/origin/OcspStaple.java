package navemu.lab.origin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import navemu.lab.ca.OcspResponses;
import navemu.lab.ca.SiteCredential;

/** The OCSP response a server staples, made again well before its nextUpdate so it is always fresh. */
final class OcspStaple {

    private static final Duration REFRESH_AFTER = Duration.ofHours(1);

    private final SiteCredential credential;
    private final OcspResponses.Status status;
    private final Clock clock;
    private byte[] response;
    private Instant madeAt;

    OcspStaple(SiteCredential credential, OcspResponses.Status status, Clock clock) {
        this.credential = credential;
        this.status = status;
        this.clock = clock;
    }

    synchronized byte[] current() {
        Instant now = clock.instant();
        if (response == null || now.isAfter(madeAt.plus(REFRESH_AFTER))) {
            response = OcspResponses.make(credential, status, now);
            madeAt = now;
        }
        return response.clone();
    }
}
