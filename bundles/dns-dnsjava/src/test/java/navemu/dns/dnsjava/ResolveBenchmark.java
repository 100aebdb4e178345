package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/**
 * Prints how long a resolve takes against a DNS server on loopback: cold (A, AAAA and HTTPS over
 * UDP in parallel) and from the cache. Not a test: run it by hand.
 *
 * <pre>java -cp target/classes:target/test-classes:$(deps) navemu.dns.dnsjava.ResolveBenchmark [rounds]</pre>
 */
public final class ResolveBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ExecutorService executor = Executors.newCachedThreadPool();
        try (TestDnsServer server = new TestDnsServer("lab.test")) {
            server.a("www.lab.test", 300, "127.0.0.1").https("www.lab.test", 300, 8443, "http/1.1");
            ZoneServer zone = new ZoneServer() {
                @Override public String zone() { return "lab.test"; }
                @Override public InetSocketAddress address() { return server.address(); }
            };
            List<Double> cold = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            for (int i = 0; i < rounds + 50; i++) {
                StubResolver resolver = new StubResolver(new ServerRoute(() -> List.of(zone), List.of(), "none"),
                        new DnsTransport(Duration.ofSeconds(2), 1), new DnsCache(Clock.systemUTC(), Duration.ofDays(1)),
                        AddressOrder.IPV6_FIRST, executor);
                long start = System.nanoTime();
                resolver.resolve("www.lab.test", StepTrace.NONE);
                long middle = System.nanoTime();
                resolver.resolve("www.lab.test", StepTrace.NONE);
                long end = System.nanoTime();
                if (i >= 50) {
                    cold.add((middle - start) / 1e6);
                    cached.add((end - middle) / 1e6);
                }
            }
            Collections.sort(cold);
            Collections.sort(cached);
            System.out.printf("dnsjava stub, loopback server, %d rounds: cold median %.3f ms (p90 %.3f), cached median"
                    + " %.4f ms (p90 %.4f)%n", rounds, cold.get(rounds / 2), cold.get(rounds * 9 / 10),
                    cached.get(rounds / 2), cached.get(rounds * 9 / 10));
        } finally {
            executor.shutdownNow();
        }
    }
}
