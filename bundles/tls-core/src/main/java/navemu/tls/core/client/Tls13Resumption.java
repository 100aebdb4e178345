package navemu.tls.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;
import navemu.api.tls.TlsContext;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.keyschedule.EarlySecret;

/**
 * PSK resumption from the client's side (RFC 8446 §2.2, §4.2.11): the stored ticket taken out of
 * the session slot (a ticket is used once, §C.4), the pre_shared_key offer with its obfuscated
 * age and binder, and the server's answer in its ServerHello. Whether the ticket also carries
 * 0-RTT data is {@link EarlyData}'s business.
 */
final class Tls13Resumption {
    private final StoredSession ticket;
    private final Tls13CipherSuite suite;
    private final EarlySecret earlySecret;

    private Tls13Resumption(StoredSession ticket, Tls13CipherSuite suite) {
        this.ticket = ticket;
        this.suite = suite;
        this.earlySecret = EarlySecret.fromPsk(suite.hash(), ticket.secret());
    }

    /**
     * The TLS 1.3 ticket stored for exactly {@code key}, taken out of the session slot, or null
     * when there is none to offer (none stored, a TLS 1.2 session is newer, no chain to
     * re-validate, a suite we no longer offer).
     */
    static Tls13Resumption take(TlsContext context, SessionKey key, Instant now, List<Tls13CipherSuite> suites,
                                Tls13Narration narration) {
        if (context.sessions() == null) {
            return null;
        }
        try {
            boolean tls13Newest = context.sessions().find(key, now).filter(s -> "TLSv1.3".equals(s.version())).isPresent();
            if (!tls13Newest) {
                return null;
            }
            StoredSession ticket = context.sessions().take(key, now).orElse(null);
            if (ticket != null && !ticket.resumable()) {
                narration.ticketWithoutChain();
                return null;
            }
            Tls13CipherSuite s = ticket == null ? null : Tls13CipherSuite.of(codeOf(ticket.cipherSuite()));
            if (s == null || !suites.contains(s) || ticket.ticket() == null) {
                return null;
            }
            Tls13Resumption offer = new Tls13Resumption(ticket, s);
            narration.offeringTicket(ticket, s);
            return offer;
        } catch (RuntimeException e) {
            narration.sessionSlotFailed(e);
            return null;
        }
    }

    private static int codeOf(String suiteName) {
        for (Tls13CipherSuite s : Tls13CipherSuite.values()) {
            if (s.name().equals(suiteName)) {
                return s.code();
            }
        }
        return -1;
    }

    StoredSession ticket() {
        return ticket;
    }

    Tls13CipherSuite suite() {
        return suite;
    }

    EarlySecret earlySecret() {
        return earlySecret;
    }

    /**
     * The ClientHello with pre_shared_key last (§4.2.11): the ticket with its obfuscated age
     * (milliseconds since it was received + ticket_age_add, mod 2^32), and the binder, an HMAC
     * over the transcript up to the ClientHello truncated before the binders (§4.2.11.2).
     * {@code transcriptSoFar} is null for the first ClientHello; after a HelloRetryRequest it is
     * the running transcript (message_hash, HelloRetryRequest).
     */
    ClientHello offeredIn(ClientHello ch, TranscriptHash transcriptSoFar, Instant now, Tls13Narration narration) {
        long ageMillis = Math.max(0, Duration.between(ticket.created(), now).toMillis());
        long obfuscatedAge = (ageMillis + ticket.ticketAgeAdd()) & 0xffffffffL;
        List<Extensions.PskIdentity> identities = List.of(new Extensions.PskIdentity(ticket.ticket(), obfuscatedAge));
        List<byte[]> placeholder = List.of(new byte[suite.hash().length()]);
        ClientHello withPlaceholder = ch.withoutExtension(ExtensionType.PRE_SHARED_KEY)
                .withExtension(Extensions.preSharedKeyOffer(identities, placeholder));
        byte[] encoded = withPlaceholder.toMessage().encode();
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - Extensions.bindersLength(placeholder));
        byte[] binderHash = transcriptSoFar == null ? suite.hash().hash(truncated) : transcriptSoFar.currentWith(truncated);
        byte[] binder = earlySecret.binderFinishedKey(true).verifyData(binderHash);
        narration.pskBinder(binder);
        return withPlaceholder.withExtension(Extensions.preSharedKeyOffer(identities, List.of(binder)));
    }

    /**
     * The second ClientHello after a HelloRetryRequest that chose {@code hrrSuite} (§4.1.2): a new
     * binder over the new transcript, or no PSK if the suite's hash does not fit the ticket.
     */
    ClientHello offeredAgainIn(ClientHello second, Tls13CipherSuite hrrSuite, TranscriptHash transcript, Instant now,
                               Tls13Narration narration) {
        return hrrSuite.hash() == suite.hash() ? offeredIn(second, transcript, now, narration)
                : second.withoutExtension(ExtensionType.PRE_SHARED_KEY);
    }

    /**
     * The server's answer (§4.2.11): true when it resumes. A selected PSK must be the one we
     * offered (identity 0) and the negotiated suite must share the ticket's hash. {@code offer}
     * is null when no ticket was offered.
     */
    static boolean accepted(Tls13Resumption offer, ServerHello sh, Tls13CipherSuite negotiated, Tls13Narration narration)
            throws TlsAlertException {
        Extension psk = sh.extension(ExtensionType.PRE_SHARED_KEY);
        if (psk == null) {
            if (offer != null) {
                narration.ticketNotAccepted();
            }
            return false;
        }
        int selected = Extensions.decodeSelectedIdentity(psk.data());
        if (offer == null || selected != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server selected PSK identity " + selected + ", which we did not offer (RFC 8446 §4.2.11)");
        }
        if (negotiated.hash() != offer.suite.hash()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server resumed a " + offer.suite
                    + " ticket under " + negotiated + ", whose hash differs (RFC 8446 §4.2.11)");
        }
        return true;
    }
}
