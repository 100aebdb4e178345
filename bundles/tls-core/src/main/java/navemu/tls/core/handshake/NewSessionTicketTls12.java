package navemu.tls.core.handshake;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/** TLS 1.2 NewSessionTicket (RFC 5077 §3.3): {@code uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>;}. */
public record NewSessionTicketTls12(long ticketLifetimeHint, byte[] ticket) {

    public byte[] encode() {
        return new WireWriter().u32(ticketLifetimeHint).opaque16(ticket).toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.NEW_SESSION_TICKET, encode());
    }

    public static NewSessionTicketTls12 decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "NewSessionTicket");
        NewSessionTicketTls12 t = new NewSessionTicketTls12(r.u32(), r.opaque16());
        r.expectEnd();
        return t;
    }
}
