package navemu.dns.doh;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import navemu.api.trace.StepTrace;
import navemu.lab.LabWorld;

/**
 * Prints how long a DoH resolution of www.lab.test takes against the lab (loopback): the first
 * (bootstrap + TCP + TLS handshakes), then warm ones on kept-alive connections, POST and GET, and a
 * plain UDP A query for comparison. Run from bundles/dns-doh:
 * {@code java -cp target/test-classes:target/classes:<deps> navemu.dns.doh.DohBenchmark}.
 */
public final class DohBenchmark {

    private static final int WARM_RUNS = 200;

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("navemu-doh-bench");
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try (LabWorld lab = LabWorld.start(home, Path.of("../../config"))) {
            lab.awaitCertificates(Duration.ofMinutes(3));
            List<ZoneDoh> zones = List.of(new ZoneDoh(LabWorld.ZONE, lab.dnsAddress(), URI.create("https://doh.lab.test/dns-query")));
            for (DohMethod method : DohMethod.values()) {
                DohResolver resolver = new DohResolver(() -> zones, null, () -> List.of(lab.rootCertificate()), method,
                        new DohTransport(Duration.ofSeconds(5), executor), new DohBootstrap(Duration.ofSeconds(5)), executor);
                long start = System.nanoTime();
                resolver.resolve("www.lab.test", StepTrace.NONE);
                long cold = System.nanoTime() - start;
                start = System.nanoTime();
                for (int i = 0; i < WARM_RUNS; i++) {
                    resolver.resolve("www.lab.test", StepTrace.NONE);
                }
                long warm = (System.nanoTime() - start) / WARM_RUNS;
                System.out.printf("DoH %-4s first resolution %7.2f ms (bootstrap, 3 TCP + TLS handshakes); warm %6.3f ms (A+AAAA+HTTPS in parallel, mean of %d)%n",
                        method, cold / 1e6, warm / 1e6, WARM_RUNS);
            }
            SimpleResolver udp = new SimpleResolver(lab.dnsAddress());
            Message query = Message.newQuery(Record.newRecord(Name.fromString("www.lab.test."), Type.A, DClass.IN));
            udp.send(query);
            long start = System.nanoTime();
            for (int i = 0; i < WARM_RUNS; i++) {
                udp.send(query);
            }
            System.out.printf("UDP      one A query %6.3f ms (mean of %d)%n", (System.nanoTime() - start) / WARM_RUNS / 1e6, WARM_RUNS);
        } finally {
            executor.shutdownNow();
        }
    }
}
