package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Our X25519MLKEM768 client share against Bouncy Castle 1.82's TLS server code for the group
 * (an implementation written from the draft by others): its server share must give our client
 * the very secret it computed. BC 1.82 runs in a JVM of its own (jars copied to
 * target/bc-hybrid-peer by the pom), so navemu's own class path keeps the project's Bouncy Castle.
 */
class X25519MlKem768InteropTest {

    @Test
    void bouncyCastlesTlsServerAndOurClientAgreeOnTheSecret() throws Exception {
        for (int i = 0; i < 3; i++) {
            X25519MlKem768KeyExchange client = X25519MlKem768KeyExchange.generate(new SecureRandom());
            List<String> answer = bouncyCastleServer(client.publicKey());
            byte[] serverShare = HexFormat.of().parseHex(answer.get(0));
            byte[] serverSecret = HexFormat.of().parseHex(answer.get(1));
            assertEquals(X25519MlKem768KeyExchange.SERVER_SHARE_LENGTH, serverShare.length);
            assertEquals(64, serverSecret.length);
            assertArrayEquals(serverSecret, client.sharedSecret(serverShare));
        }
    }

    private static List<String> bouncyCastleServer(byte[] clientShare) throws Exception {
        Path jars = Path.of("target", "bc-hybrid-peer");
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> list = Files.list(jars)) {
            list.filter(p -> p.toString().endsWith(".jar")).forEach(p -> classPath.add(p.toAbsolutePath().toString()));
        }
        assertEquals(3, classPath.size(), "Bouncy Castle 1.82 jars in " + jars.toAbsolutePath());
        // The helper from our test classes; Bouncy Castle comes only from the 1.82 jars.
        classPath.add(Path.of(BcHybridServerShare.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath),
                BcHybridServerShare.class.getName()).redirectErrorStream(true).start();
        try (OutputStream out = process.getOutputStream()) {
            out.write((HexFormat.of().formatHex(clientShare) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Bouncy Castle's side did not finish");
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            lines = in.lines().collect(Collectors.toList());
        }
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        assertEquals(2, lines.size(), String.join("\n", lines));
        return lines;
    }
}
