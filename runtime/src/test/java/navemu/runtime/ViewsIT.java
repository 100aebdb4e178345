package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views against the real lab, one kind of handshake each: {@code explain} tells the story
 * of that kind with the values the trace carries, {@code ladder} draws every message that crossed
 * the wire (ChangeCipherSpec records and NewSessionTickets too), and nothing is cut at the pipe's
 * width. One navemu run opens every site in turn; its output is split at each {@code open}'s
 * headline.
 */
@Timeout(600)
class ViewsIT {

    @TempDir
    static Path home;

    /** The output of each {@code open} and the views that followed it, in order. */
    static List<String> sections;
    static NavemuProcess.Outcome run;

    @BeforeAll
    static void openEveryKindOfHandshake() throws Exception {
        // The textbook TLS 1.3 client (no longer the default, which is browser) tells the full handshake and the HRR.
        run = NavemuProcess.run(home,
                "-c", "use tls tls13-ecdhe",
                "-c", "open https://www.lab.test/", "-c", "explain", "-c", "ladder", "-c", "trace",
                "-c", "open https://hrr.lab.test/", "-c", "explain", "-c", "ladder",
                "-c", "use tls browser",
                "-c", "open https://resume.lab.test/", "-c", "explain", "-c", "ladder",
                // A second visit would reuse the open connection (no handshake), as a browser does: a new one resumes.
                "-c", "open --new-connection https://resume.lab.test/", "-c", "explain", "-c", "ladder",
                "-c", "open https://tls12.lab.test/", "-c", "explain --secrets", "-c", "ladder",
                "-c", "open --new-connection https://tls12.lab.test/", "-c", "explain", "-c", "ladder",
                "-c", "use tls tls12-rsa",
                "-c", "open https://rsa.lab.test/", "-c", "explain --secrets", "-c", "explain",
                "-c", "use tls tls13-ecdhe",
                // Every hop on its own connection, so that each has the dns, tcp and tls steps the views show.
                "-c", "open --new-connection https://redirect.lab.test/",
                "-c", "open --new-connection --full https://redirect.lab.test/");
        assertEquals(0, run.exitCode(), run.toString());
        sections = new ArrayList<>();
        Matcher headline = Pattern.compile("(?m)^https?://\\S+  →  ").matcher(run.stdout());
        List<Integer> starts = new ArrayList<>();
        while (headline.find()) {
            starts.add(headline.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            sections.add(run.stdout().substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : run.stdout().length()));
        }
        assertEquals(9, sections.size(), run.toString());
    }

    /** Paragraphs joined back into running text, so assertions need not know where lines fold. */
    private static String flat(String text) {
        return text.replaceAll("\\n {10}", " ").replaceAll("\\s+", " ");
    }

    @Test
    void noLineIsLongerThanThePipesWidthAndTheClientHelloIsWhole() {
        for (String line : run.stdout().split("\n")) {
            assertTrue(line.length() < 120, "longer than the pipe's 120 columns: " + line);
        }
        String www = sections.get(0);
        // Every offered suite and signature scheme is in the trace, in full, though the field is longer than a line.
        String unfolded = www.replaceAll("\\n +", " ");
        assertTrue(unfolded.contains("cipher_suites=TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256"), www);
        assertTrue(unfolded.contains("signature_algorithms=ecdsa_secp256r1_sha256"), www);
        Matcher random = Pattern.compile("random=([0-9a-f]{64})").matcher(www.replaceAll("\\n +", ""));
        assertTrue(random.find(), "the ClientHello random, 32 bytes in hex, whole: " + www);
    }

    @Test
    void tls13FullHandshakeIsToldWithItsRandomsKeyShareSignatureAndBothFinished() {
        String text = flat(sections.get(0));
        assertTrue(text.matches(".*its 32-byte random [0-9a-f]{64}.*"), text);
        assertTrue(text.matches(".*Its ServerHello random: [0-9a-f]{64}.*"), text);
        assertTrue(text.contains("Key exchange (ECDHE): the client's key_share extension carried an ephemeral public key for x25519"), text);
        assertTrue(text.contains("CertificateVerify carried a signature (ecdsa_secp256r1_sha256, "), text);
        assertTrue(text.contains("\"TLS 1.3, server CertificateVerify\""), text);
        assertTrue(text.contains("EC 256-bit key in the certificate of CN=www.lab.test"), text);
        assertTrue(text.matches(".*The server's verify_data was [0-9a-f]{64}, the client's [0-9a-f]{64}.*"), text);
        assertFalse(text.contains("master_secret:"), "secrets only with --secrets: " + text);
    }

    @Test
    void helloRetryRequestIsToldAndLaddered() {
        String text = flat(sections.get(1));
        assertTrue(text.contains("HelloRetryRequest: none of the key shares sent was for a group it takes, so it asked for secp256r1"), text);
        assertTrue(text.contains("The client sent a second ClientHello with a key share for secp256r1"), text);
        assertTrue(sections.get(1).contains("round trip 2"), sections.get(1));
    }

    @Test
    void tls13ResumptionIsAPskWithPskDheKeAndNoCertificate() {
        String full = sections.get(2);
        assertTrue(flat(full).contains("It was a full handshake"), full);
        // The JDK's server sends its tickets after the handshake: the ladder shows them past the handshake's end.
        assertTrue(full.contains("handshake done · after it, on the same connection"), full);
        Matcher ticket = Pattern.compile("◀─+ NewSessionTicket \\(\\d+ B\\)").matcher(full);
        assertTrue(ticket.find() && ticket.start() > full.indexOf("handshake done"), full);
        assertTrue(flat(full).contains("the server sent 1 NewSessionTicket"), full);
        String resumed = flat(sections.get(3));
        assertTrue(resumed.contains("Resumption with a pre-shared key"), resumed);
        assertTrue(resumed.contains("psk_dhe_ke"), resumed);
        assertTrue(resumed.contains("The server sent no Certificate and no CertificateVerify"), resumed);
        assertFalse(sections.get(3).contains("Certificate ("), "no Certificate on the wire: " + sections.get(3));
    }

    @Test
    void theServersCompatibilityChangeCipherSpecIsOnTheLadder() {
        String ladder = sections.get(2).substring(sections.get(2).indexOf("flight 1 · client"));
        assertTrue(ladder.matches("(?s).*◀─+ ChangeCipherSpec \\(1 B\\).*"), "the server's CCS: " + ladder);
        assertTrue(ladder.matches("(?s).* ChangeCipherSpec \\(1 B\\) ─+▶.*"), "the client's CCS: " + ladder);
    }

    @Test
    void tls12EcdheWithExtendedMasterSecretUsesTheSessionHash() {
        String text = flat(sections.get(4));
        assertTrue(text.contains("ECDHE key exchange: the server sent an ephemeral x25519 public key (32 bytes) in ServerKeyExchange"), text);
        assertTrue(text.contains("master_secret = PRF(pre_master_secret, \"extended master secret\", session_hash)"), text);
        assertFalse(text.contains("ClientHello.random + ServerHello.random"), "EMS is not both randoms: " + text);
        assertTrue(text.matches(".* pre_master_secret: [0-9a-f]{64}\\..*"), text);
        assertTrue(text.matches(".* master_secret: [0-9a-f]{96}\\..*"), text);
        String ladder = sections.get(4);
        assertTrue(ladder.matches("(?s).*◀─+ ChangeCipherSpec \\(1 B\\).*") && ladder.matches("(?s).* ChangeCipherSpec \\(1 B\\) ─+▶.*"),
                "TLS 1.2 CCS both ways: " + ladder);
    }

    @Test
    void tls12ResumptionIsTheAbbreviatedHandshake() {
        String text = flat(sections.get(5));
        assertTrue(text.contains("Abbreviated handshake (RFC 5246 §7.3, Figure 2)"), text);
        assertTrue(text.contains("one round trip instead of two"), text);
        assertFalse(text.contains("ServerKeyExchange"), text);
    }

    @Test
    void tls12RsaTellsThePreMasterSecretOnlyWithSecrets() {
        String section = sections.get(6);
        int plain = section.lastIndexOf("\nhsts ");
        String withSecrets = flat(section.substring(0, plain));
        String without = flat(section.substring(plain));
        assertTrue(withSecrets.contains("RSA key exchange: the client made a 48-byte pre-master secret, encrypted it with the public key"
                + " in the server's certificate (RSA 2048-bit key)"), withSecrets);
        assertTrue(withSecrets.matches(".* pre_master_secret: 0303[0-9a-f]{92}\\..*"), withSecrets);
        assertFalse(without.contains("pre_master_secret:"), without);
        assertTrue(without.contains("'explain --secrets' also shows the pre-master and master secrets"), without);
    }

    @Test
    void aLongRedirectChainIsOneLineAHopUnlessAskedForInFull() {
        String compact = sections.get(7);
        String full = sections.get(8);
        long hopLines = compact.lines().filter(l -> l.startsWith("  hop ")).count();
        assertTrue(hopLines >= 5, compact);
        assertTrue(compact.lines().filter(l -> l.contains("✓ dns ")).count() == 1, "only the last hop's steps: " + compact);
        assertTrue(full.lines().filter(l -> l.contains("✓ dns ")).count() >= 5, full);
    }
}
