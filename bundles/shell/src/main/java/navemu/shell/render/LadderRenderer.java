package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.TlsInfo;
import navemu.api.result.TlsMessage;
import navemu.api.trace.TraceEvent;

/**
 * The handshake as a sequence diagram between client and server (the shape of RFC 8446 §2's
 * figures): one arrow per message on the wire, in order, with its key fields under it —
 * ChangeCipherSpec records and alerts included — then, past a line marking the handshake's end,
 * what the connection carried later (NewSessionTickets, KeyUpdate, close_notify). Consecutive
 * messages in one direction form a flight; each network round trip is marked where the client
 * starts waiting.
 */
public final class LadderRenderer {

    /**
     * One message on the wire, or a round-trip boundary ({@code roundTrip} set, the rest empty),
     * or the end of the handshake ({@code roundTrip} null and {@code message} null).
     */
    private record Rung(boolean fromClient, String message, int length, Map<String, String> fields, String roundTrip) {
        static Rung handshakeEnd() {
            return new Rung(false, null, 0, Map.of(), null);
        }

        /** Where the HTTP/2 frames of the http step begin (the {@code http} field holds the title). */
        static Rung http2Start() {
            return new Rung(false, null, 0, Map.of("http", "HTTP/2 frames on the same connection"), null);
        }

        boolean isHandshakeEnd() {
            return message == null && roundTrip == null && fields.isEmpty();
        }

        boolean isHttp2Start() {
            return message == null && roundTrip == null && fields.containsKey("http");
        }
    }

    /**
     * @param events the last navigation's events: the last {@code tls} step's messages are drawn
     * @param tls    the result's TLS summary, drawn (without fields) when no events were recorded
     */
    public List<AttributedString> render(List<TraceEvent> events, TlsInfo tls, int width) {
        List<Rung> rungs = inFlights(fromEvents(events));
        if (rungs.isEmpty() && tls != null) {
            for (TlsMessage message : tls.messages()) {
                rungs.add(new Rung(TlsMessage.CLIENT_TO_SERVER.equals(message.dir()), message.type(), message.length(),
                        Map.of(), null));
            }
        }
        List<AttributedString> lines = new ArrayList<>();
        if (rungs.isEmpty()) {
            lines.add(new AttributedString("the last navigation made no TLS handshake"));
            return lines;
        }
        int span = Math.max(30, Math.min(width - 1, 100) - 4);
        lines.add(new AttributedStringBuilder().style(Style.HEADING).append("client")
                .append(" ".repeat(span - "client".length() - "server".length() + 4)).append("server")
                .style(Style.PLAIN).toAttributedString());
        if (tls != null) {
            lines.addAll(Fold.lines(new AttributedString(HumanRenderer.tlsText(tls), Style.DIM), width, 2));
        }
        int flight = 0;
        int roundTrips = 0;
        Boolean direction = null;
        for (Rung rung : rungs) {
            if (rung.isHttp2Start()) {
                String text = " " + rung.fields.get("http") + " ";
                int dashes = Math.max(2, (span + 4 - text.length()) / 2);
                lines.add(new AttributedString("═".repeat(dashes) + text + "═".repeat(dashes), Style.DIM));
                direction = null;
                continue;
            }
            if (rung.isHandshakeEnd()) {
                String text = " handshake done · after it, on the same connection ";
                int dashes = Math.max(2, (span + 4 - text.length()) / 2);
                lines.add(new AttributedString("═".repeat(dashes) + text + "═".repeat(dashes), Style.DIM));
                direction = null;
                continue;
            }
            if (rung.roundTrip != null) {
                roundTrips++;
                String text = " round trip " + roundTrips + (rung.roundTrip.isEmpty() ? "" : ": " + rung.roundTrip) + " ";
                int dashes = Math.max(2, (span + 4 - text.length()) / 2);
                lines.addAll(Fold.lines(new AttributedString("┄".repeat(dashes) + text + "┄".repeat(dashes), Style.CHANGED), width, 2));
                continue;
            }
            if (direction == null || direction != rung.fromClient) {
                flight++;
                direction = rung.fromClient;
                lines.add(new AttributedString("flight " + flight + " · " + (rung.fromClient ? "client" : "server"), Style.DIM));
            }
            lines.add(arrow(rung, span));
            if (rung.fields.size() > (rung.fields.containsKey("length") ? 1 : 0)) {
                lines.addAll(fieldLines(rung, span, width));
            }
        }
        return lines;
    }

    /**
     * A message's fields under its arrow: on one line when they fit, else one field a line, a long
     * value (the offered suites, a random) folded, never cut.
     */
    private static List<AttributedString> fieldLines(Rung rung, int span, int width) {
        String margin = rung.fromClient ? "      " : " ".repeat(Math.max(6, Math.min(span / 3, width / 4)));
        List<String> fields = new ArrayList<>();
        rung.fields.forEach((k, v) -> {
            if (!k.equals("length")) {
                fields.add(k + '=' + v);
            }
        });
        return Fold.block(new AttributedString(margin.substring(2)), fields, width, margin.length(), Style.DIM);
    }

    private static AttributedString arrow(Rung rung, int span) {
        String label = " " + rung.message + (rung.length > 0 ? " (" + rung.length + " B)" : "") + " ";
        int shaft = Math.max(3, span - label.length() - 1);
        AttributedStringBuilder line = new AttributedStringBuilder().append("  ");
        if (rung.fromClient) {
            line.style(Style.NAME).append(label).style(Style.PLAIN).append("─".repeat(shaft)).append("▶");
        } else {
            line.append("◀").append("─".repeat(shaft)).style(Style.NAME).append(label).style(Style.PLAIN);
        }
        return line.toAttributedString();
    }

    /**
     * A TLS 1.3 client sends its dummy ChangeCipherSpec (RFC 8446 §D.4) while it still reads the
     * server's flight; drawn where it happened it would cut that flight in two. It belongs to the
     * client's next flight, so it moves there: just before the client's next message.
     */
    private static List<Rung> inFlights(List<Rung> rungs) {
        List<Rung> ordered = new ArrayList<>();
        List<Rung> deferred = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            Rung rung = rungs.get(i);
            boolean serverAround = i > 0 && !rungs.get(i - 1).fromClient && i + 1 < rungs.size() && !rungs.get(i + 1).fromClient;
            if (rung.roundTrip == null && rung.fromClient && "ChangeCipherSpec".equals(rung.message) && serverAround) {
                deferred.add(rung);
                continue;
            }
            if (rung.roundTrip == null && rung.fromClient) {
                ordered.addAll(deferred);
                deferred.clear();
            }
            ordered.add(rung);
        }
        ordered.addAll(deferred);
        return ordered;
    }

    /** The messages and round trips of the last {@code tls} step in {@code events}. */
    private static List<Rung> fromEvents(List<TraceEvent> events) {
        int start = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == TraceEvent.Kind.STEP_START && "tls".equals(events.get(i).step())) {
                start = i;
            }
        }
        List<Rung> rungs = new ArrayList<>();
        if (start < 0) {
            return rungs;
        }
        boolean ended = false;
        // After the handshake the connection may carry HTTP/2: its frames, one arrow each (RFC 9113 §4),
        // in the order they crossed the wire among the TLS messages that came later (tickets, close_notify).
        java.util.Set<TraceEvent> frames = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        frames.addAll(Http2Frames.of(events));
        boolean framesBegun = false;
        for (TraceEvent event : events.subList(start + 1, events.size())) {
            boolean frame = frames.contains(event);
            if (!"tls".equals(event.step()) && !frame) {
                continue;
            }
            if (event.kind() == TraceEvent.Kind.STEP_END || event.kind() == TraceEvent.Kind.STEP_ERROR) {
                // What the connection carries after the handshake is still on the wire and still
                // TLS: NewSessionTickets (RFC 8446 §4.6.1), KeyUpdate, the closing alert.
                ended = true;
                continue;
            }
            if (ended && event.kind() != TraceEvent.Kind.SENT && event.kind() != TraceEvent.Kind.RECEIVED) {
                continue;
            }
            if (ended && (rungs.isEmpty() || !rungs.get(rungs.size() - 1).isHandshakeEnd()) && !afterHandshake(rungs)) {
                rungs.add(Rung.handshakeEnd());
            }
            if (frame && !framesBegun) {
                framesBegun = true;
                rungs.add(Rung.http2Start());
            }
            switch (event.kind()) {
                case SENT:
                case RECEIVED:
                    rungs.add(new Rung(event.kind() == TraceEvent.Kind.SENT, event.name(), lengthOf(event), event.fields(), null));
                    break;
                case ROUND_TRIP:
                    rungs.add(new Rung(true, "", 0, Map.of(), event.text() == null ? "" : event.text()));
                    break;
                default:
                    break;
            }
        }
        return rungs;
    }

    private static boolean afterHandshake(List<Rung> rungs) {
        return rungs.stream().anyMatch(Rung::isHandshakeEnd);
    }

    /** The navigator puts a message's length in the event's fields or text; 0 when it did not. */
    private static int lengthOf(TraceEvent event) {
        String length = event.fields().get("length");
        if (length != null && length.matches("\\d+")) {
            return Integer.parseInt(length);
        }
        return 0;
    }
}
