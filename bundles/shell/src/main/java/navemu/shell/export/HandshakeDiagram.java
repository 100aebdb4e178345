package navemu.shell.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import navemu.api.result.TlsInfo;
import navemu.api.result.TlsMessage;
import navemu.api.trace.TraceEvent;

/**
 * One connection's handshake as an SVG sequence diagram, the shape of RFC 8446 §2's figures:
 * a client lane and a server lane, one arrow per message (ChangeCipherSpec and NewSessionTicket
 * included when they crossed), the HTTP request and response after it, consecutive messages in
 * one direction shaded as a flight, and a dashed line where the client started waiting for the
 * peer (a round trip). Each arrow's fields are beside it and whole in its {@code <title>} (shown
 * on hover). A handshake that failed ends where it stopped: the alert that went either way in red,
 * then the reason.
 */
final class HandshakeDiagram {
    private static final int WIDTH = 960;
    private static final int CLIENT_X = 200;
    private static final int SERVER_X = 780;
    private static final int TOP = 58;
    private static final int MESSAGE_HEIGHT = 46;
    private static final int MARK_HEIGHT = 32;
    private static final int FIELDS_SHOWN = 100;

    /** What a row of the diagram is: a closure alert (close_notify, a warning) is drawn apart from a fatal one. */
    private enum Kind { HANDSHAKE, APPLICATION, ALERT, CLOSURE, ROUND_TRIP, STOPPED }

    private record Row(Kind kind, boolean fromClient, String name, int length, Map<String, String> fields, String text) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final String id;
    private final String clientLabel;
    private final String serverLabel;

    private HandshakeDiagram(String id, String clientLabel, String serverLabel) {
        this.id = id;
        this.clientLabel = clientLabel;
        this.serverLabel = serverLabel;
    }

    /**
     * The diagram of one hop.
     *
     * @param id     unique in the page (an id for the diagram's element)
     * @param events the hop's events, from its {@code tls} step's start to the next hop's first
     * @param tls    the hop's TLS summary: its messages when no events were recorded, its alert
     * @param error  the hop's tls step error, or null when the handshake finished
     */
    static String svg(String id, List<TraceEvent> events, TlsInfo tls, String error, String clientLabel, String serverLabel) {
        HandshakeDiagram diagram = new HandshakeDiagram(id, clientLabel, serverLabel);
        diagram.read(events, tls);
        diagram.ending(tls, error);
        return diagram.draw();
    }

    private void read(List<TraceEvent> events, TlsInfo tls) {
        List<Row> read = new ArrayList<>();
        boolean tlsEnded = false;
        for (TraceEvent event : events) {
            boolean tlsStep = "tls".equals(event.step());
            boolean httpStep = "http".equals(event.step());
            if (tlsStep && (event.kind() == TraceEvent.Kind.STEP_END || event.kind() == TraceEvent.Kind.STEP_ERROR)) {
                tlsEnded = true;
            }
            switch (event.kind()) {
                case SENT, RECEIVED -> {
                    if (tlsStep || httpStep) {
                        boolean alert = event.name().toLowerCase(Locale.ROOT).contains("alert");
                        boolean fatal = alert && !"warning".equals(event.fields().get("level"));
                        Kind kind = httpStep ? Kind.APPLICATION : alert ? (fatal ? Kind.ALERT : Kind.CLOSURE) : Kind.HANDSHAKE;
                        String description = event.fields().get("description");
                        String name = alert && description != null ? event.name() + ": " + description : event.name();
                        read.add(new Row(kind, event.kind() == TraceEvent.Kind.SENT, name, lengthOf(event), event.fields(), null));
                    }
                }
                case ROUND_TRIP -> {
                    if ((tlsStep && !tlsEnded) || httpStep) {
                        read.add(new Row(Kind.ROUND_TRIP, true, "", 0, Map.of(), event.text()));
                    }
                }
                default -> { }
            }
        }
        if (read.stream().noneMatch(row -> row.kind() == Kind.HANDSHAKE) && tls != null) {
            for (TlsMessage message : tls.messages()) {
                read.add(new Row(Kind.HANDSHAKE, TlsMessage.CLIENT_TO_SERVER.equals(message.dir()), message.type(),
                        message.length(), Map.of(), null));
            }
        }
        rows.addAll(inFlights(read));
    }

    /** The alert that ended a failed handshake (unless the trace already showed it), and where it stopped. */
    private void ending(TlsInfo tls, String error) {
        if (error == null) {
            return;
        }
        boolean alertShown = rows.stream().anyMatch(row -> row.kind() == Kind.ALERT);
        if (tls != null && !alertShown) {
            if (tls.alertSent() != null) {
                rows.add(new Row(Kind.ALERT, true, "Alert: " + tls.alertSent(), 0,
                        tls.alertReason() == null ? Map.of() : Map.of("why", tls.alertReason()), null));
            } else if (tls.alertReceived() != null) {
                rows.add(new Row(Kind.ALERT, false, "Alert: " + tls.alertReceived(), 0, Map.of(), null));
            }
        }
        String where = tls == null || tls.failedAt() == null ? "" : " at " + tls.failedAt();
        rows.add(new Row(Kind.STOPPED, true, "", 0, Map.of(), "✗ the handshake stopped" + where + ": " + error));
    }

    /**
     * A TLS 1.3 client sends its compatibility ChangeCipherSpec (RFC 8446 §D.4) while it still
     * reads the server's flight; it belongs to the client's next flight, so it is drawn there.
     */
    private static List<Row> inFlights(List<Row> rows) {
        List<Row> ordered = new ArrayList<>();
        List<Row> deferred = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            boolean message = row.kind() != Kind.ROUND_TRIP;
            boolean serverAround = i > 0 && !rows.get(i - 1).fromClient() && i + 1 < rows.size() && !rows.get(i + 1).fromClient();
            if (message && row.fromClient() && "ChangeCipherSpec".equals(row.name()) && serverAround) {
                deferred.add(row);
                continue;
            }
            if (message && row.fromClient()) {
                ordered.addAll(deferred);
                deferred.clear();
            }
            ordered.add(row);
        }
        ordered.addAll(deferred);
        return ordered;
    }

    private String draw() {
        int height = TOP + 16;
        for (Row row : rows) {
            height += row.kind() == Kind.ROUND_TRIP || row.kind() == Kind.STOPPED ? MARK_HEIGHT : MESSAGE_HEIGHT;
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(id).append("\" class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"TLS handshake sequence diagram\">\n");
        lane(svg, CLIENT_X, clientLabel, height);
        lane(svg, SERVER_X, serverLabel, height);
        int y = TOP;
        int flight = 0;
        Boolean direction = null;
        int flightStart = -1;
        StringBuilder body = new StringBuilder();
        List<int[]> flights = new ArrayList<>();
        for (Row row : rows) {
            boolean message = row.kind() != Kind.ROUND_TRIP && row.kind() != Kind.STOPPED;
            if (message && (direction == null || direction != row.fromClient())) {
                if (flightStart >= 0) {
                    flights.add(new int[] {flightStart, y, flight, direction ? 1 : 0});
                }
                flight++;
                direction = row.fromClient();
                flightStart = y;
            } else if (!message && flightStart >= 0) {
                flights.add(new int[] {flightStart, y, flight, direction ? 1 : 0});
                flightStart = -1;
                direction = null;
            }
            switch (row.kind()) {
                case ROUND_TRIP -> {
                    roundTrip(body, y, row.text());
                    y += MARK_HEIGHT;
                }
                case STOPPED -> {
                    body.append("<text class=\"stopped\" x=\"").append(WIDTH / 2).append("\" y=\"").append(y + 17)
                            .append("\" text-anchor=\"middle\" fill=\"#cf222e\" font-weight=\"bold\">")
                            .append(HtmlText.escape(row.text())).append("</text>\n");
                    y += MARK_HEIGHT;
                }
                default -> {
                    arrow(body, y, row);
                    y += MESSAGE_HEIGHT;
                }
            }
        }
        if (flightStart >= 0) {
            flights.add(new int[] {flightStart, y, flight, direction ? 1 : 0});
        }
        for (int[] f : flights) {
            svg.append("<g class=\"flight\"><rect x=\"4\" y=\"").append(f[0] + 2).append("\" width=\"").append(WIDTH - 8)
                    .append("\" height=\"").append(f[1] - f[0] - 4).append("\" rx=\"6\" fill=\"")
                    .append(f[3] == 1 ? "#eef4ff" : "#fff4e5").append("\"/><text x=\"12\" y=\"").append(f[0] + 18)
                    .append("\" font-size=\"11\" fill=\"#666\">flight ").append(f[2]).append(" · ")
                    .append(f[3] == 1 ? "client" : "server").append("</text></g>\n");
        }
        svg.append(body).append("</svg>\n");
        return svg.toString();
    }

    private static void lane(StringBuilder svg, int x, String label, int height) {
        svg.append("<g class=\"lane\"><rect x=\"").append(x - 110).append("\" y=\"6\" width=\"220\" height=\"26\" rx=\"4\"")
                .append(" fill=\"#24292f\"/><text x=\"").append(x).append("\" y=\"24\" text-anchor=\"middle\" fill=\"#fff\"")
                .append(" font-size=\"13\">").append(HtmlText.escape(label)).append("</text><line x1=\"").append(x)
                .append("\" y1=\"32\" x2=\"").append(x).append("\" y2=\"").append(height - 4)
                .append("\" stroke=\"#8c959f\" stroke-width=\"2\"/></g>\n");
    }

    private static void roundTrip(StringBuilder svg, int y, String why) {
        String text = "round trip" + (why == null || why.isEmpty() ? "" : ": " + why);
        svg.append("<g class=\"round-trip\"><line x1=\"").append(CLIENT_X - 150).append("\" y1=\"").append(y + 22)
                .append("\" x2=\"").append(SERVER_X + 150).append("\" y2=\"").append(y + 22)
                .append("\" stroke=\"#bf8700\" stroke-dasharray=\"6 4\"/><text x=\"").append(WIDTH / 2).append("\" y=\"")
                .append(y + 18).append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#9a6700\">")
                .append(HtmlText.escape(text)).append("</text></g>\n");
    }

    private void arrow(StringBuilder svg, int y, Row row) {
        int from = row.fromClient() ? CLIENT_X : SERVER_X;
        int to = row.fromClient() ? SERVER_X - 4 : CLIENT_X + 4;
        String colour = switch (row.kind()) {
            case APPLICATION -> "#1a7f37";
            case ALERT -> "#cf222e";
            case CLOSURE -> "#8c959f";
            default -> "#444";
        };
        String label = row.name() + (row.length() > 0 ? " (" + row.length() + " B)" : "");
        String fields = fieldsText(row.fields());
        String kindClass = switch (row.kind()) {
            case APPLICATION -> " application";
            case ALERT -> " alert";
            case CLOSURE -> " closure";
            default -> "";
        };
        svg.append("<g class=\"message ").append(row.fromClient() ? "c2s" : "s2c").append(kindClass).append("\"><title>")
                .append(HtmlText.escape(label + (fields.isEmpty() ? "" : "\n" + fields.replace("  ", "\n")))).append("</title>");
        // The head is drawn, not a <marker>: a marker is referenced with url(#…), and the page references nothing.
        int back = row.fromClient() ? -12 : 12;
        svg.append("<line x1=\"").append(from).append("\" y1=\"").append(y + 20).append("\" x2=\"").append(to + back / 2)
                .append("\" y2=\"").append(y + 28).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(row.kind() == Kind.HANDSHAKE ? "1.6" : "2.2").append("\"/>");
        svg.append("<polygon class=\"head\" points=\"").append(to).append(',').append(y + 28).append(' ').append(to + back)
                .append(',').append(y + 23).append(' ').append(to + back).append(',').append(y + 33).append("\" fill=\"")
                .append(colour).append("\"/>");
        svg.append("<text x=\"").append((CLIENT_X + SERVER_X) / 2).append("\" y=\"").append(y + 16)
                .append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"").append(colour).append("\">")
                .append(HtmlText.escape(label)).append("</text>");
        if (!fields.isEmpty()) {
            String shown = fields.length() > FIELDS_SHOWN ? fields.substring(0, FIELDS_SHOWN - 1) + "…" : fields;
            svg.append("<text x=\"").append((CLIENT_X + SERVER_X) / 2).append("\" y=\"").append(y + 41)
                    .append("\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"#57606a\">").append(HtmlText.escape(shown))
                    .append("</text>");
        }
        svg.append("</g>\n");
    }

    private static String fieldsText(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> {
            if (!key.equals("length")) {
                text.append(text.length() == 0 ? "" : "  ").append(key).append('=').append(value);
            }
        });
        return text.toString();
    }

    private static int lengthOf(TraceEvent event) {
        String length = event.fields().get("length");
        return length != null && length.matches("\\d{1,9}") ? Integer.parseInt(length) : 0;
    }
}
