package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import navemu.api.result.TlsMessage;
import navemu.api.trace.StepTrace;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;

/**
 * With {@link StepTrace#NONE} nobody reads the trace, so the narration formats nothing for it;
 * the result's message list is kept all the same, and a real trace still gets every field.
 */
class NarrationWithoutListenerTest {
    private static final byte[] VERIFY_DATA = {1, 2, 3, (byte) 0xff};

    /** Keeps what it is told. */
    private static final class Recording implements StepTrace {
        final List<String> events = new ArrayList<>();

        @Override public void info(String text) { events.add("info " + text); }
        @Override public void sent(String message, int length, Map<String, String> fields) { events.add("sent " + message + " " + fields); }
        @Override public void received(String message, int length, Map<String, String> fields) { events.add("received " + message + " " + fields); }
        @Override public void secret(String label, String hex) { events.add("secret " + label + " " + hex); }
        @Override public void roundTrip(String why) { events.add("roundTrip " + why); }
        @Override public void detail(String key, Object value) { events.add("detail " + key); }
    }

    private static HandshakeMessage finished() {
        return HandshakeMessage.of(HandshakeType.FINISHED, VERIFY_DATA);
    }

    @Test
    void onlyTheEmptyTraceCountsAsNobodyListening() {
        assertFalse(new MessageLog(StepTrace.NONE, null).listening());
        assertFalse(new MessageLog(null, null).listening());
        assertTrue(new MessageLog(new Recording(), null).listening());
    }

    @Test
    void withNobodyListeningTheResultStillListsEveryMessage() {
        MessageLog log = new MessageLog(StepTrace.NONE, null);
        new Tls13Narration(log).serverFinishedReceived(finished(), VERIFY_DATA);
        log.secret("master_secret", VERIFY_DATA);
        assertEquals(List.of(new TlsMessage(TlsMessage.SERVER_TO_CLIENT, "Finished", finished().length())), log.info().messages());
    }

    @Test
    void aRealTraceStillGetsTheFieldsAndTheSecretsAsHex() {
        Recording trace = new Recording();
        MessageLog log = new MessageLog(trace, null);
        new Tls13Narration(log).serverFinishedReceived(finished(), VERIFY_DATA);
        log.secret("master_secret", VERIFY_DATA);
        assertEquals(List.of("received Finished {verify_data=010203ff}", "secret master_secret 010203ff"), trace.events);
        assertEquals(1, log.info().messages().size());
    }
}
