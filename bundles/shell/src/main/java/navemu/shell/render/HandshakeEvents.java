package navemu.shell.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.trace.TraceEvent;

/**
 * The last TLS handshake of a navigation as its trace events tell it: the messages each way with
 * their fields (also those after the handshake: tickets, the closing alert), the secrets the
 * client derived and its narration lines. What {@code explain} reads its values from; nothing
 * here is computed, only looked up.
 */
final class HandshakeEvents {

    /** One message or record that crossed the wire. */
    record Message(boolean fromClient, String name, Map<String, String> fields, boolean afterHandshake) {
        String field(String key) {
            return fields.get(key);
        }
    }

    private final List<Message> messages = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private HandshakeEvents() {
    }

    /** The events of the last {@code tls} step in {@code events} (and the tls events after its end). */
    static HandshakeEvents of(List<TraceEvent> events) {
        HandshakeEvents handshake = new HandshakeEvents();
        int start = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == TraceEvent.Kind.STEP_START && "tls".equals(events.get(i).step())) {
                start = i;
            }
        }
        // start < 0: no step boundary recorded (a result built by hand), so every tls event counts.
        boolean ended = false;
        for (TraceEvent event : events.subList(start + 1, events.size())) {
            if (!"tls".equals(event.step())) {
                continue;
            }
            switch (event.kind()) {
                case STEP_END, STEP_ERROR -> ended = true;
                case SENT, RECEIVED -> handshake.messages.add(new Message(event.kind() == TraceEvent.Kind.SENT, event.name(),
                        event.fields(), ended));
                case SECRET -> handshake.secrets.putIfAbsent(event.name(), event.text());
                case INFO -> handshake.notes.add(event.text() == null ? "" : event.text());
                default -> { }
            }
        }
        return handshake;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Every message named {@code name} sent by the client ({@code fromClient}) or the server, in order. */
    List<Message> all(boolean fromClient, String name) {
        return messages.stream().filter(m -> m.fromClient() == fromClient && name.equals(m.name())).toList();
    }

    Optional<Message> first(boolean fromClient, String name) {
        return all(fromClient, name).stream().findFirst();
    }

    Optional<Message> last(boolean fromClient, String name) {
        List<Message> found = all(fromClient, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** A field of the first such message, if both are there. */
    Optional<String> field(boolean fromClient, String name, String key) {
        return first(fromClient, name).map(m -> m.field(key));
    }

    /** True when a message's {@code extensions} field names {@code extension}. */
    boolean hasExtension(boolean fromClient, String name, String extension) {
        return field(fromClient, name, "extensions").map(list -> List.of(list.split(",\\s*")).contains(extension)).orElse(false);
    }

    /** The secret the client traced under a label starting with {@code label}. */
    Optional<String> secret(String label) {
        return secrets.entrySet().stream().filter(e -> e.getKey().startsWith(label)).map(Map.Entry::getValue).findFirst();
    }

    /** True when one of the client's narration lines contains {@code text}. */
    boolean noted(String text) {
        return notes.stream().anyMatch(n -> n.contains(text));
    }

    List<Message> afterHandshake() {
        return messages.stream().filter(Message::afterHandshake).toList();
    }
}
