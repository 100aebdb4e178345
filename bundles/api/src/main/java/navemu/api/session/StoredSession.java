package navemu.api.session;

import java.time.Duration;
import java.time.Instant;

/**
 * What a client keeps to resume: a TLS 1.2 session id or ticket with its master secret, or a
 * TLS 1.3 ticket with its resumption PSK.
 *
 * @param version              {@code TLSv1.2} or {@code TLSv1.3}
 * @param kind                 {@code session-id}, {@code ticket} (TLS 1.2, RFC 5077) or {@code psk} (TLS 1.3)
 * @param cipherSuite          IANA name of the suite the session was made with
 * @param sessionId            TLS 1.2 session id, or null
 * @param ticket               the opaque ticket, or null
 * @param secret               TLS 1.2 master secret, or TLS 1.3 PSK derived from the resumption secret
 * @param created              when it was received
 * @param lifetime             how long it may be used (ticket_lifetime; for ids the client's own limit)
 * @param ticketAgeAdd         TLS 1.3 ticket_age_add
 * @param maxEarlyData         TLS 1.3 early_data max_early_data_size; 0 when 0-RTT is not allowed
 * @param alpn                 the ALPN protocol of the original connection, or null
 * @param extendedMasterSecret TLS 1.2: the session used RFC 7627
 */
public record StoredSession(String version, String kind, String cipherSuite, byte[] sessionId, byte[] ticket,
                            byte[] secret, Instant created, Duration lifetime, long ticketAgeAdd, long maxEarlyData,
                            String alpn, boolean extendedMasterSecret) {

    public Instant expires() {
        return created.plus(lifetime);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires());
    }
}
