package navemu.tls.tls13ecdhe;

import java.util.Locale;

import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.TestPki;

/**
 * Our TLS 1.3 client alone, handshaking with {@code openssl s_server} in a loop exactly as
 * {@link ClientBenchmark} runs it, for a profiler to watch its steady state (the benchmark also
 * runs three other clients, which would blur the profile), or with {@code floor} as third argument
 * the benchmark's crypto floor alone, to compare the two profiles. Prints the CPU per handshake
 * after the warm-up. Not a test:
 * <pre>
 * java -XX:StartFlightRecording=filename=client.jfr,settings=profile -cp … navemu.tls.tls13ecdhe.ClientProfile [seconds [warm-up [floor]]]
 * jfr print --events jdk.ExecutionSample client.jfr
 * </pre>
 */
public final class ClientProfile {
    private ClientProfile() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30.0;
        double warmUp = args.length > 1 ? Double.parseDouble(args[1]) : 10.0;
        if (OpenSslServer.binary() == null) {
            throw new IllegalStateException("openssl is needed (apt-get install openssl)");
        }
        TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, Tls13CipherSuite.TLS_AES_128_GCM_SHA256.name(), "X25519")) {
            boolean floor = args.length > 2 && args[2].equals("floor");
            ClientBenchmark.Round round = floor ? ClientBenchmark.floor(pki) : ClientBenchmark.ours(pki, server.port());
            ClientBenchmark.measure(round, warmUp);
            ClientBenchmark.Figure figure = ClientBenchmark.measure(round, seconds);
            System.out.printf(Locale.ROOT, "%s: %.1f handshakes/s, %.1f µs CPU each (%.1f µs kernel)%n", floor ? "floor" : "ours",
                    figure.perSecond(), figure.cpuMicros(), figure.kernelMicros());
        }
    }
}
