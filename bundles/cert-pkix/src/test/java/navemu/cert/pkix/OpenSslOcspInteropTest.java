package navemu.cert.pkix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/**
 * A real peer's OCSP responses: OpenSSL's responder ({@code openssl ocsp -index}) signs them, pkix
 * reads them. Skipped, saying so, when OpenSSL is not installed.
 */
@Timeout(60)
class OpenSslOcspInteropTest {
    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aRevokedResponseFromOpenSslIsRevoked() throws Exception {
        assertEquals(NetError.ERR_CERT_REVOKED, validateWithOpenSslResponse('R').error());
    }

    @Test
    void aGoodResponseFromOpenSslIsAccepted() throws Exception {
        CertVerdict verdict = validateWithOpenSslResponse('V');
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("stapled OCSP") && c.contains("good")),
                verdict.info().checks.toString());
    }

    /** OpenSSL's responder answers from an index.txt where the leaf is V(alid) or R(evoked). */
    private CertVerdict validateWithOpenSslResponse(char state) throws Exception {
        assumeTrue(openSslPresent(), "openssl is not installed: OCSP interoperation not tested");
        Instant now = Instant.now();
        Issued root = TestPki.root("Interop Root").validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(300))).issue();
        Issued inter = TestPki.intermediate("Interop Intermediate", root)
                .validity(now.minus(Duration.ofDays(20)), now.plus(Duration.ofDays(200))).issue();
        Issued leaf = TestPki.leaf("interop.test.example", inter)
                .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(80))).issue();

        write("inter.pem", pem("CERTIFICATE", inter.der()));
        write("inter.key", pem("PRIVATE KEY", inter.keys().getPrivate().getEncoded()));
        write("leaf.pem", pem("CERTIFICATE", leaf.der()));
        String serial = leaf.parsed().serialNumber().toString(16).toUpperCase();
        String revoked = state == 'R' ? INDEX_TIME.format(now.minus(Duration.ofDays(1))) + ",keyCompromise" : "";
        write("index.txt", state + "\t" + INDEX_TIME.format(now.plus(Duration.ofDays(80))) + "\t" + revoked + "\t"
                + (serial.length() % 2 == 0 ? serial : "0" + serial) + "\tunknown\t/CN=interop.test.example\n");

        run("openssl", "ocsp", "-issuer", "inter.pem", "-cert", "leaf.pem", "-no_nonce", "-reqout", "req.der");
        run("openssl", "ocsp", "-index", "index.txt", "-rsigner", "inter.pem", "-rkey", "inter.key", "-CA", "inter.pem",
                "-reqin", "req.der", "-respout", "resp.der", "-ndays", "1");
        byte[] response = Files.readAllBytes(dir.resolve("resp.der"));

        ValidationRequest request = new ValidationRequest(List.of(leaf.der(), inter.der()), "interop.test.example",
                Instant.now(), "ECDHE", response);
        return TestPki.validator(root).validate(request, StepTrace.NONE);
    }

    private static boolean openSslPresent() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
