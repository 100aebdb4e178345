package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.trace.TraceEvent;

/**
 * The HTTP/2 frames of the last navigation's {@code http} step, as its trace recorded them (one
 * SENT or RECEIVED event a frame, after the connection preface), for the ladder and the story of
 * {@code explain}. Empty when the exchange was HTTP/1.1.
 */
final class Http2Frames {
    /** The event the HTTP/2 client traces first: the 24-octet connection preface (RFC 9113 §3.4). */
    static final String PREFACE = "connection preface";

    private Http2Frames() {
    }

    /** The messages of the last http step, when it spoke HTTP/2; else empty. */
    static List<TraceEvent> of(List<TraceEvent> events) {
        int start = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == TraceEvent.Kind.STEP_START && "http".equals(events.get(i).step())) {
                start = i;
            }
        }
        List<TraceEvent> frames = new ArrayList<>();
        if (start < 0) {
            return frames;
        }
        for (TraceEvent event : events.subList(start + 1, events.size())) {
            if ("http".equals(event.step())
                    && (event.kind() == TraceEvent.Kind.SENT || event.kind() == TraceEvent.Kind.RECEIVED)) {
                frames.add(event);
            }
        }
        boolean http2 = frames.stream().anyMatch(e -> PREFACE.equals(e.name()) || e.fields().containsKey("stream"));
        return http2 ? frames : List.of();
    }

    /**
     * What {@code explain} says of HTTP/2: what the preface and SETTINGS are, with the values each
     * side sent, the streams, and how the connection ended.
     */
    static Optional<String> story(List<TraceEvent> events) {
        List<TraceEvent> frames = of(events);
        if (frames.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        boolean preface = frames.stream().anyMatch(e -> PREFACE.equals(e.name()));
        if (preface) {
            text.append("ALPN chose h2, so the request went as HTTP/2 (RFC 9113). The browser opened the connection with the"
                    + " 24-octet preface \"PRI * HTTP/2.0…\", which a server that does not speak HTTP/2 cannot mistake for a request,");
        } else {
            text.append("The request went as HTTP/2 (RFC 9113) on a connection already open,");
        }
        first(frames, TraceEvent.Kind.SENT, "SETTINGS", false).ifPresent(s -> text.append(
                " then its SETTINGS — the parameters of its side of the connection: ").append(settings(s.fields())));
        first(frames, TraceEvent.Kind.SENT, "WINDOW_UPDATE", false).filter(w -> "0".equals(w.fields().get("stream")))
                .ifPresent(w -> text.append("; a WINDOW_UPDATE on stream 0 let the server send ").append(w.fields().get("increment"))
                        .append(" octets more on the whole connection before it must wait for credit"));
        text.append('.');
        first(frames, TraceEvent.Kind.RECEIVED, "SETTINGS", false).ifPresent(s -> text.append(" The server's own SETTINGS said ")
                .append(settings(s.fields()).isEmpty() ? "nothing beyond the defaults" : settings(s.fields()))
                .append("; each side acknowledged the other's with an empty SETTINGS frame flagged ACK."));
        List<String> streams = new ArrayList<>();
        for (TraceEvent e : frames) {
            if (e.kind() == TraceEvent.Kind.SENT && "HEADERS".equals(e.name()) && !streams.contains(e.fields().get("stream"))) {
                streams.add(e.fields().get("stream"));
            }
        }
        if (!streams.isEmpty()) {
            text.append(" Each request is a stream of its own, numbered by the client with odd numbers: this one went on stream ")
                    .append(String.join(", ", streams)).append(", its header list HPACK-compressed in a HEADERS frame (pseudo-headers"
                    + " :method, :authority, :scheme, :path first, in Chrome's order), the response came back as HEADERS");
            long data = frames.stream().filter(e -> e.kind() == TraceEvent.Kind.RECEIVED && "DATA".equals(e.name())).count();
            text.append(data == 0 ? " alone." : " and " + data + " DATA frame" + (data == 1 ? "" : "s") + ".");
        }
        first(frames, TraceEvent.Kind.RECEIVED, "RST_STREAM", false).ifPresent(r -> text.append(" The server reset stream ")
                .append(r.fields().get("stream")).append(" with ").append(r.fields().get("error")).append('.'));
        first(frames, TraceEvent.Kind.SENT, "RST_STREAM", false).ifPresent(r -> text.append(" The browser reset stream ")
                .append(r.fields().get("stream")).append(" with ").append(r.fields().get("error")).append('.'));
        first(frames, TraceEvent.Kind.RECEIVED, "GOAWAY", true).ifPresent(g -> text.append(" The server sent GOAWAY (")
                .append(g.fields().get("error")).append("): no new stream may start on this connection."));
        first(frames, TraceEvent.Kind.SENT, "GOAWAY", true).ifPresent(g -> text.append(
                "NO_ERROR".equals(g.fields().get("error"))
                        ? " When it was done with the connection, the browser said GOAWAY with NO_ERROR before closing it."
                        : " The browser ended the connection with GOAWAY " + g.fields().get("error") + ": the server broke a rule of HTTP/2."));
        return Optional.of(text.toString());
    }

    private static Optional<TraceEvent> first(List<TraceEvent> frames, TraceEvent.Kind kind, String name, boolean last) {
        TraceEvent found = null;
        for (TraceEvent e : frames) {
            if (e.kind() == kind && name.equals(e.name()) && !"ACK".equals(e.fields().get("flags"))) {
                found = e;
                if (!last) {
                    break;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The settings in a SETTINGS frame's fields, {@code NAME value, …}. */
    private static String settings(Map<String, String> fields) {
        List<String> values = new ArrayList<>();
        fields.forEach((key, value) -> {
            if (!List.of("type", "flags", "stream", "length").contains(key)) {
                values.add(key + " " + value);
            }
        });
        return String.join(", ", values);
    }
}
