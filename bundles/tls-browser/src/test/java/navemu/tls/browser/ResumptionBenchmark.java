package navemu.tls.browser;

import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.MapSessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionStore;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.lab.LabWorld;
import navemu.tls.tls12rsa.Tls12RsaClient;

/**
 * Prints, per lab site and client, the TLS round trips counted by the trace and the median
 * time of handshake + GET on loopback, full versus resumed (the resumed run's first connection,
 * which makes the session, is not timed). Run from bundles/tls-browser: {@code mvn -o -q exec:java}.
 */
public final class ResumptionBenchmark {
    private static final int RUNS = 30;

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("navemu-bench");
        try (LabWorld lab = LabWorld.start(home, Path.of("../../config"))) {
            System.out.printf("%-16s %-10s %-9s %-8s %12s %28s%n", "site", "client", "version", "resumed", "TLS RTTs", "median ms (handshake + GET)");
            run(lab, "resume.lab.test", "browser", new BrowserTlsClient());
            run(lab, "tls12.lab.test", "browser", new BrowserTlsClient());
            run(lab, "rsa.lab.test", "tls12-rsa", new Tls12RsaClient());
        }
    }

    private static void run(LabWorld lab, String host, String name, TlsClient client) throws Exception {
        for (boolean resume : new boolean[] {false, true}) {
            double[] ms = new double[RUNS];
            RecordingTrace last = null;
            SecureChannel lastChannel = null;
            for (int i = 0; i < RUNS; i++) {
                MapSessionStore sessions = MapSessionStore.memory();
                if (resume) {
                    handshake(lab, host, client, sessions, new RecordingTrace()).close();
                }
                RecordingTrace trace = new RecordingTrace();
                long t0 = System.nanoTime();
                SecureChannel channel = handshake(lab, host, client, resume ? sessions : MapSessionStore.off(), trace);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                channel.close();
                last = trace;
                lastChannel = channel;
            }
            Arrays.sort(ms);
            System.out.printf("%-16s %-10s %-9s %-8s %12d %28.2f%n", host, name, lastChannel.info().version(),
                    lastChannel.info().resumed(), last.roundTrips.size(), ms[RUNS / 2]);
        }
    }

    private static SecureChannel handshake(LabWorld lab, String host, TlsClient client, SessionStore sessions, RecordingTrace trace)
            throws Exception {
        int port = lab.port(host);
        SecureChannel channel = client.handshake(new TlsRequest(host, port, List.of("http/1.1"), null, Duration.ofSeconds(10)),
                SocketConnection.connect(port), new TlsContext((r, t) -> new CertVerdict(true, null, null, null), sessions,
                        Instant.now(), null), trace);
        // TLS 1.3 tickets arrive after the handshake: a GET's answer brings them in.
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes());
        channel.output().flush();
        channel.input().readAllBytes();
        return channel;
    }
}
