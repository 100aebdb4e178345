package navemu.api.tls;

import java.time.Instant;

import navemu.api.cert.CertificateValidator;
import navemu.api.session.SessionStore;

/**
 * The other slots a handshake consults, taken from the navigation's snapshot of the composition.
 *
 * @param validator the active {@code cert} slot: decides on the server's chain
 * @param sessions  the active {@code session} slot: what may be resumed, and where new tickets go
 * @param now       the navigation's time (injectable for tests): certificate validity, ticket age
 * @param keyLog    where NSS key-log lines go (SSLKEYLOGFILE); {@link KeyLog#NONE} when off
 */
public record TlsContext(CertificateValidator validator, SessionStore sessions, Instant now, KeyLog keyLog) {

    public TlsContext {
        keyLog = keyLog == null ? KeyLog.NONE : keyLog;
    }
}
