package navemu.tls.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.handshake.NewSessionTicketTls12;

/**
 * TLS 1.2 resumption and the session slot (RFC 5246 §7.3, RFC 5077): which stored session to
 * offer, what a finished handshake keeps (a session id or a ticket, with the chain to re-validate),
 * and dropping a session the server did not resume or whose resumption failed. Only that one
 * session goes: the host's TLS 1.3 tickets are another server state.
 */
final class Tls12Sessions {
    /**
     * RFC 5077 §3.3's ticket_lifetime_hint is a uint32 of seconds and sets no limit; a ticket is
     * kept at most as long as RFC 8446 §4.6.1 allows a TLS 1.3 one.
     */
    private static final Duration MAX_TICKET_LIFETIME = Duration.ofDays(7);

    private final SessionStore sessions;
    private final SessionKey key;
    private final Tls12ClientConfig config;
    private final Tls12Narration narration;

    /** @param sessions the session slot, or null when there is none */
    Tls12Sessions(SessionStore sessions, SessionKey key, Tls12ClientConfig config, Tls12Narration narration) {
        this.sessions = sessions;
        this.key = key;
        this.config = config;
        this.narration = narration;
    }

    /** The session to offer, if the session slot has one for exactly this host, port and SNI; else null. */
    StoredSession toOffer(Instant now) {
        if (sessions == null) {
            return null;
        }
        try {
            Optional<StoredSession> found = sessions.find(key, now)
                    .filter(s -> "TLSv1.2".equals(s.version()))
                    .filter(StoredSession::resumable)
                    .filter(s -> Tls12CipherSuite.byName(s.cipherSuite()) != null
                            && config.cipherSuites().contains(Tls12CipherSuite.byName(s.cipherSuite())));
            return found.orElse(null);
        } catch (RuntimeException e) {
            narration.sessionSlotFailed(e);
            return null;
        }
    }

    /** The legacy_session_id to send: the stored id, a fresh one beside a ticket (RFC 5077 §3.4), else empty. */
    byte[] sessionIdToOffer(StoredSession offered) {
        if (offered == null) {
            return new byte[0];
        }
        if (offered.ticket() != null) {
            byte[] id = new byte[32];
            config.random().nextBytes(id);
            return id;
        }
        return offered.sessionId().clone();
    }

    /** The server did not resume {@code offered} (a new session id): that entry goes. */
    void notResumed(StoredSession offered) {
        sessions.remove(key, offered);
        narration.sessionNotResumed(offered);
    }

    /**
     * What a finished handshake keeps: the server's new ticket if it sent a non-empty one, else
     * a new session id it gave; {@code certificate} is null when no session may be kept.
     */
    void store(byte[] sessionIdEcho, NewSessionTicketTls12 newTicket, SessionCertificate certificate,
               Tls12CipherSuite suite, byte[] masterSecret, String alpn, boolean extendedMasterSecret, Instant now) {
        if (certificate == null) {
            return;
        }
        StoredSession session;
        if (newTicket != null && newTicket.ticket().length > 0) {
            session = new StoredSession("TLSv1.2", "ticket", suite.name(), null, newTicket.ticket(), masterSecret,
                    now, ticketLifetime(newTicket), 0, 0, alpn, extendedMasterSecret, certificate);
        } else {
            session = new StoredSession("TLSv1.2", "session-id", suite.name(), sessionIdEcho, null,
                    masterSecret, now, config.sessionIdLifetime(), 0, 0, alpn, extendedMasterSecret, certificate);
        }
        try {
            sessions.put(key, session);
            narration.sessionStored(key, session);
        } catch (RuntimeException e) {
            narration.sessionNotStored(e);
        }
    }

    /** Whether a finished handshake has anything to keep (a non-empty ticket, or a new session id). */
    boolean anythingToKeep(boolean resumed, byte[] sessionIdEcho, NewSessionTicketTls12 newTicket) {
        boolean newTicketToKeep = newTicket != null && newTicket.ticket().length > 0;
        boolean newIdToKeep = !resumed && sessionIdEcho.length > 0;
        return sessions != null && (newTicketToKeep || newIdToKeep);
    }

    /** The hint (0: unspecified, RFC 5077 §3.3, then the client's own limit), never more than 7 days. */
    private Duration ticketLifetime(NewSessionTicketTls12 newTicket) {
        long hint = newTicket.ticketLifetimeHint();
        Duration lifetime = hint > 0 ? Duration.ofSeconds(hint) : config.sessionIdLifetime();
        if (lifetime.compareTo(MAX_TICKET_LIFETIME) > 0) {
            narration.ticketLifetimeCapped(hint);
            return MAX_TICKET_LIFETIME;
        }
        return lifetime;
    }

    /**
     * A handshake that failed after offering a session (the server resumed it and then broke a
     * rule, or its stored chain no longer validates) drops that session: offering it again
     * would fail again. The host's other sessions stay.
     */
    void resumptionFailed(StoredSession offered) {
        if (offered == null || sessions == null) {
            return;
        }
        try {
            sessions.remove(key, offered);
            narration.failedResumptionDropped(offered);
        } catch (RuntimeException e) {
            narration.failedResumptionNotDropped(e);
        }
    }
}
