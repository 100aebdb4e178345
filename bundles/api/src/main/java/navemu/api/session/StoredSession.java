package navemu.api.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

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
 * @param certificate          the server's chain and its verdict when the session was made, which a
 *                             resumption re-validates; null when unknown (then it is not {@link #resumable()})
 *
 * <p>Contract: a client stores a session only when the {@code cert} slot's verdict on the chain had
 * no problems (a lenient validator's "accepted despite" never makes a resumable session), and
 * resumes one only after the active {@code cert} slot has re-validated {@link #certificate()} for
 * the requested host at the current time.
 */
public record StoredSession(String version, String kind, String cipherSuite, byte[] sessionId, byte[] ticket,
                            byte[] secret, Instant created, Duration lifetime, long ticketAgeAdd, long maxEarlyData,
                            String alpn, boolean extendedMasterSecret, SessionCertificate certificate) {

    /** A session without its certificate: kept for listing, never resumed. */
    public StoredSession(String version, String kind, String cipherSuite, byte[] sessionId, byte[] ticket,
                         byte[] secret, Instant created, Duration lifetime, long ticketAgeAdd, long maxEarlyData,
                         String alpn, boolean extendedMasterSecret) {
        this(version, kind, cipherSuite, sessionId, ticket, secret, created, lifetime, ticketAgeAdd, maxEarlyData,
                alpn, extendedMasterSecret, null);
    }

    /** True when there is a chain to re-validate: a session without one must not be resumed. */
    public boolean resumable() {
        return certificate != null;
    }

    /** The same session with another lifetime (a store capping what a server asked for). */
    public StoredSession withLifetime(Duration newLifetime) {
        return new StoredSession(version, kind, cipherSuite, sessionId, ticket, secret, created, newLifetime,
                ticketAgeAdd, maxEarlyData, alpn, extendedMasterSecret, certificate);
    }

    /**
     * True when {@code other} is the same resumable state: same version and kind, and the same
     * session id and ticket bytes (stores copy arrays, so identity cannot tell).
     */
    public boolean sameSessionAs(StoredSession other) {
        return other != null && version.equals(other.version) && kind.equals(other.kind)
                && Arrays.equals(sessionId, other.sessionId) && Arrays.equals(ticket, other.ticket);
    }

    public Instant expires() {
        return created.plus(lifetime);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires());
    }
}
