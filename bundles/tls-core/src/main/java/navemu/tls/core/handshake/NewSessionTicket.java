package navemu.tls.core.handshake;

import java.util.List;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * NewSessionTicket (RFC 8446 §4.6.1):
 * <pre>
 * uint32 ticket_lifetime; uint32 ticket_age_add; opaque ticket_nonce&lt;0..255&gt;;
 * opaque ticket&lt;1..2^16-1&gt;; Extension extensions&lt;0..2^16-2&gt;;
 * </pre>
 */
public record NewSessionTicket(long ticketLifetime, long ticketAgeAdd, byte[] ticketNonce, byte[] ticket,
                               List<Extension> extensions) {

    public NewSessionTicket {
        extensions = List.copyOf(extensions);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.u32(ticketLifetime).u32(ticketAgeAdd).opaque8(ticketNonce).opaque16(ticket);
        Extension.encodeList(w, extensions);
        return w.toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.NEW_SESSION_TICKET, encode());
    }

    public static NewSessionTicket decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "NewSessionTicket");
        long lifetime = r.u32();
        long ageAdd = r.u32();
        byte[] nonce = r.opaque8();
        byte[] ticket = r.opaque16();
        List<Extension> ext = Extension.decodeList(r);
        r.expectEnd();
        if (ticket.length == 0) {
            throw new TlsAlertException(navemu.tls.core.alert.AlertDescription.DECODE_ERROR, "empty ticket (RFC 8446 §4.6.1)");
        }
        return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, ext);
    }

    /** max_early_data_size from the early_data extension (§4.2.10), 0 when 0-RTT is not allowed. */
    public long maxEarlyDataSize() throws TlsAlertException {
        Extension e = Extension.find(extensions, ExtensionType.EARLY_DATA);
        return e == null ? 0 : Extensions.decodeMaxEarlyDataSize(e.data());
    }
}
