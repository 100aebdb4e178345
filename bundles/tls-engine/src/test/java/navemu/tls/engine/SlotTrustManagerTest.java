package navemu.tls.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.TestPki;

/** The trust manager hands the chain to the cert slot and names the key exchange the library reported. */
class SlotTrustManagerTest {

    private final List<ValidationRequest> asked = new ArrayList<>();
    private final CertificateValidator accepting = (request, trace) -> {
        asked.add(request);
        return new CertVerdict(true, null, null, null);
    };

    private String exchangeTraced(String authType) throws Exception {
        TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
        RecordingTrace trace = new RecordingTrace();
        SlotTrustManager trust = new SlotTrustManager(accepting, TestPki.HOST, Instant.now(), trace, "Somelib");
        trust.checkServerTrusted(new X509Certificate[] {pki.leaf, pki.root}, authType);
        assertTrue(trust.verdict().accepted());
        String line = trace.infos.stream().filter(l -> l.startsWith("Somelib hands the server's chain"))
                .findFirst().orElseThrow(() -> new AssertionError(trace.infos.toString()));
        return line;
    }

    @Test
    void boringSslsGenericAuthTypeIsTls13() throws Exception {
        assertTrue(exchangeTraced("GENERIC").contains("key exchange (EC)DHE, as always in TLS 1.3"));
        assertEquals("ECDHE", asked.get(0).keyExchange());
        assertEquals(2, asked.get(0).chain().size());
    }

    @Test
    void jssesUnknownAuthTypeIsTls13() throws Exception {
        assertTrue(exchangeTraced("UNKNOWN").contains("key exchange (EC)DHE, as always in TLS 1.3"));
    }

    @Test
    void aTls12AuthTypeIsNamedAsItIs() throws Exception {
        assertTrue(exchangeTraced("RSA").contains("key exchange RSA,"));
        assertEquals("RSA", asked.get(0).keyExchange());
    }
}
