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
import navemu.tls.core.crypto.AeadAlgorithm;
import navemu.tls.core.crypto.HashAlgorithm;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.keyschedule.EarlySecret;
import navemu.tls.core.keyschedule.HandshakeSecret;
import navemu.tls.core.keyschedule.MasterSecret;
import navemu.tls.core.keyschedule.TrafficSecret;
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

    /** The key schedule's secrets as a handshake hands them to the narration (RFC 8448 §3's key schedule shape, any bytes). */
    private static void narrateBothKeySchedules(Tls13Narration narration) {
        HashAlgorithm hash = HashAlgorithm.SHA256;
        EarlySecret early = EarlySecret.withoutPsk(hash);
        HandshakeSecret handshake = early.handshakeSecret(new byte[32]);
        byte[] helloHash = hash.hash(new byte[] {1});
        TrafficSecret clientHs = handshake.clientHandshakeTrafficSecret(helloHash);
        TrafficSecret serverHs = handshake.serverHandshakeTrafficSecret(helloHash);
        AeadAlgorithm aead = Tls13CipherSuite.TLS_AES_128_GCM_SHA256.aead();
        narration.handshakeSecrets(NamedGroup.X25519, new byte[32], early, handshake, clientHs, serverHs,
                clientHs.trafficKeys(aead), serverHs.trafficKeys(aead), CLIENT_RANDOM);
        MasterSecret master = handshake.masterSecret();
        byte[] finishedHash = hash.hash(new byte[] {2});
        TrafficSecret clientAp = master.clientApplicationTrafficSecret(finishedHash);
        TrafficSecret serverAp = master.serverApplicationTrafficSecret(finishedHash);
        narration.applicationSecrets(master, finishedHash, clientAp, serverAp, clientAp.trafficKeys(aead), serverAp.trafficKeys(aead),
                CLIENT_RANDOM);
    }

    private static final byte[] CLIENT_RANDOM = new byte[32];

    /** The key log is not the trace: with nobody reading the trace, every NSS line is still written. */
    @Test
    void withNobodyListeningTheKeyLogStillGetsEveryLine() {
        List<String> lines = new ArrayList<>();
        MessageLog log = new MessageLog(StepTrace.NONE, (label, random, secret) -> lines.add(label + " " + secret.length));
        narrateBothKeySchedules(new Tls13Narration(log));
        assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET 32", "SERVER_HANDSHAKE_TRAFFIC_SECRET 32",
                "CLIENT_TRAFFIC_SECRET_0 32", "SERVER_TRAFFIC_SECRET_0 32"), lines);
    }

    /** A real trace still shows every secret, the exporter's included, in the key schedule's order. */
    @Test
    void aRealTraceStillGetsEverySecret() {
        Recording trace = new Recording();
        List<String> lines = new ArrayList<>();
        MessageLog log = new MessageLog(trace, (label, random, secret) -> lines.add(label));
        narrateBothKeySchedules(new Tls13Narration(log));
        assertEquals(List.of("(EC)DHE shared secret (x25519)", "early_secret", "handshake_secret", "client_handshake_traffic_secret",
                "server_handshake_traffic_secret", "server_handshake_write_key", "server_handshake_write_iv",
                "client_handshake_write_key", "client_handshake_write_iv", "master_secret", "client_application_traffic_secret_0",
                "server_application_traffic_secret_0", "exporter_master_secret", "server_application_write_key",
                "server_application_write_iv", "client_application_write_key", "client_application_write_iv"),
                trace.events.stream().map(e -> e.substring("secret ".length(), e.lastIndexOf(' '))).toList());
        assertEquals(4, lines.size());
    }
}
