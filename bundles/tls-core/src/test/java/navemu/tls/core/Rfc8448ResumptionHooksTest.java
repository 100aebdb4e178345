package navemu.tls.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import navemu.tls.core.crypto.HashAlgorithm;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.keyschedule.EarlySecret;
import navemu.tls.core.keyschedule.TrafficSecret;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.Tls13RecordProtection;

/**
 * The hooks tls-core offers for resumption (the session issue builds on them), checked against
 * RFC 8448 §4 "Resumed 0-RTT Handshake": the early secret from §3's PSK, the binder over the
 * truncated ClientHello, the pre_shared_key codec, the early traffic secret and the early-data
 * record.
 */
class Rfc8448ResumptionHooksTest {
    private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
    private static Rfc8448Vectors v;

    @BeforeAll
    static void load() throws Exception {
        v = Rfc8448Vectors.load();
    }

    private static byte[] s4(String actor, String step, String label) {
        return v.get("4", actor, step, label);
    }

    @Test
    void earlySecretFromTheSection3ResumptionPsk() {
        byte[] psk = v.s3("server", "generate resumption secret \"tls13 resumption\"", "expanded");
        assertArrayEquals(psk, s4("client", "extract secret \"early\"", "IKM"));
        assertArrayEquals(s4("client", "extract secret \"early\"", "secret"), EarlySecret.fromPsk(SUITE.hash(), psk).secret());
    }

    @Test
    void binderOverTheTruncatedClientHello() {
        EarlySecret early = EarlySecret.fromPsk(SUITE.hash(), s4("client", "extract secret \"early\"", "IKM"));
        TrafficSecret binderKey = early.binderFinishedKey(true);
        assertArrayEquals(s4("client", "calculate PSK binder", "PRK"), binderKey.secret());
        assertArrayEquals(s4("client", "calculate PSK binder", "expanded"), binderKey.finishedKey());
        byte[] prefix = s4("client", "calculate PSK binder", "ClientHello prefix");
        byte[] binderHash = HashAlgorithm.SHA256.hash(prefix);
        assertArrayEquals(s4("client", "calculate PSK binder", "binder hash"), binderHash);
        assertArrayEquals(s4("client", "calculate PSK binder", "finished"), binderKey.verifyData(binderHash));
    }

    @Test
    void theOfferedPskClientHelloParsesAndRebuildsByteForByte() throws Exception {
        byte[] full = s4("client", "send handshake record", "payload (512 octets)");
        ClientHello hello = ClientHello.decode(Arrays.copyOfRange(full, 4, full.length));
        Extension last = hello.extensions().get(hello.extensions().size() - 1);
        assertEquals(ExtensionType.PRE_SHARED_KEY, last.type(), "pre_shared_key comes last (RFC 8446 §4.2.11)");
        Extensions.PskOffer offer = Extensions.decodePreSharedKeyOffer(last.data());
        assertEquals(1, offer.identities().size());
        assertArrayEquals(s4("client", "calculate PSK binder", "finished"), offer.binders().get(0));
        Extension rebuilt = Extensions.preSharedKeyOffer(offer.identities(), offer.binders());
        assertArrayEquals(full, hello.withExtension(rebuilt).toMessage().encode());
        // The binder is computed over everything before the binders list.
        byte[] prefix = s4("client", "calculate PSK binder", "ClientHello prefix");
        assertEquals(full.length - Extensions.bindersLength(offer.binders()), prefix.length);
        assertArrayEquals(prefix, Arrays.copyOf(full, prefix.length));
    }

    @Test
    void earlyTrafficSecretAndTheEarlyDataRecord() {
        EarlySecret early = EarlySecret.fromPsk(SUITE.hash(), s4("client", "extract secret \"early\"", "IKM"));
        byte[] helloHash = HashAlgorithm.SHA256.hash(s4("client", "send handshake record", "payload (512 octets)"));
        assertArrayEquals(s4("client", "derive secret \"tls13 c e traffic\"", "hash"), helloHash);
        TrafficSecret clientEarly = early.clientEarlyTrafficSecret(helloHash);
        assertArrayEquals(s4("client", "derive secret \"tls13 c e traffic\"", "expanded"), clientEarly.secret());
        assertArrayEquals(s4("client", "derive secret \"tls13 e exp master\"", "expanded"), early.earlyExporterMasterSecret(helloHash));
        var keys = clientEarly.trafficKeys(SUITE.aead());
        assertArrayEquals(s4("client", "derive write traffic keys for early application data", "key expanded"), keys.key());
        assertArrayEquals(s4("client", "derive write traffic keys for early application data", "iv expanded"), keys.iv());
        byte[] record = new Tls13RecordProtection(SUITE.aead(), keys)
                .protect(ContentType.APPLICATION_DATA, s4("client", "send application_data record", "payload (6 octets)")).encode();
        assertArrayEquals(s4("client", "send application_data record", "complete record (28 octets)"), record);
    }

}
