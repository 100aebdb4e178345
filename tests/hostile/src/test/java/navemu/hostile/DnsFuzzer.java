package navemu.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

import navemu.api.NavigationException;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.trace.StepTrace;
import navemu.dns.dnsjava.HostileResolvers;
import navemu.lab.dns.LabDnsServer;
import navemu.lab.dns.ZoneAuthority;

/**
 * Resolves a name with the dnsjava slot's resolver through a {@link MutatingDnsRelay} in front of
 * the lab's DNS server, one seeded mutation per resolution, and judges each one: refused (a
 * NavigationException naming the error) or answered with addresses an honest answer held are
 * fine; a RuntimeException, a hang, or an address from an answer the resolver should have
 * ignored are not.
 */
final class DnsFuzzer implements AutoCloseable {
    static final String ZONE = "hostile.test";
    static final String HOST = "www." + ZONE;
    private static final Duration MARGIN = Duration.ofSeconds(8);

    private final LabDnsServer server;
    private final Duration timeout;
    private final ExecutorService relayThreads = Executors.newCachedThreadPool(TlsFuzzer.daemon("hostile-dns-relay"));
    private final ExecutorService resolverThreads = Executors.newCachedThreadPool(TlsFuzzer.daemon("hostile-dns-resolver"));
    private final ExecutorService attempts = Executors.newCachedThreadPool(TlsFuzzer.daemon("hostile-dns-case"));

    private DnsFuzzer(LabDnsServer server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** @param timeout the resolver's wait per UDP attempt or TCP exchange */
    static DnsFuzzer start(Duration timeout) throws IOException {
        Name origin = Name.fromConstantString(ZONE + ".");
        Record[] records = {
            Record.fromString(origin, Type.SOA, DClass.IN, 300, "ns." + ZONE + ". admin." + ZONE + ". 1 3600 600 86400 30", origin),
            Record.fromString(origin, Type.NS, DClass.IN, 300, "ns." + ZONE + ".", origin),
            Record.fromString(Name.fromConstantString("ns." + ZONE + "."), Type.A, DClass.IN, 300, "127.0.0.1", origin),
            Record.fromString(Name.fromConstantString(HOST + "."), Type.A, DClass.IN, 300, "127.0.0.1", origin),
            Record.fromString(Name.fromConstantString(HOST + "."), Type.AAAA, DClass.IN, 300, "::1", origin),
            Record.fromString(Name.fromConstantString(HOST + "."), Type.HTTPS, DClass.IN, 300, "1 . alpn=http/1.1 port=8443", origin),
        };
        return new DnsFuzzer(LabDnsServer.start(new ZoneAuthority(new Zone(origin, records))), timeout);
    }

    FuzzTally run(long firstSeed, int count, int parallel) throws InterruptedException {
        FuzzTally tally = new FuzzTally("resolutions");
        ExecutorService cases = Executors.newFixedThreadPool(parallel, TlsFuzzer.daemon("hostile-dns-fuzz"));
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = firstSeed + i;
            all.add(cases.submit(() -> tally.add(runOne(seed), true)));
        }
        cases.shutdown();
        for (Future<?> f : all) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the fuzzer itself failed", e.getCause());
            }
        }
        return tally;
    }

    FuzzTally runOneReported(long seed) {
        FuzzTally tally = new FuzzTally("resolutions");
        FuzzOutcome o = runOne(seed);
        System.out.println("  " + o.line());
        tally.add(o, true);
        return tally;
    }

    /** Unmutated resolutions, which must all succeed: proves the server, relay and judge are sound. */
    void warmUp(int count) {
        for (int i = 0; i < count; i++) {
            FuzzOutcome o = runOne(i, new DnsMutation(DnsMutation.Kind.NONE, 0));
            if (o.verdict() != FuzzVerdict.OK) {
                throw new IllegalStateException("an unmutated resolution failed, so the fuzzer cannot judge: " + o.line());
            }
        }
    }

    FuzzOutcome runOne(long seed) {
        return runOne(seed, DnsMutation.fromSeed(seed));
    }

    private FuzzOutcome runOne(long seed, DnsMutation mutation) {
        String target = "dns-dnsjava -> lab dns";
        try (MutatingDnsRelay relay = new MutatingDnsRelay(server.address(), mutation, relayThreads)) {
            DnsResolver resolver = HostileResolvers.forZone(ZONE, relay.address(), timeout, resolverThreads);
            AtomicReference<Thread> worker = new AtomicReference<>();
            Future<DnsAnswer> attempt = attempts.submit(() -> {
                worker.set(Thread.currentThread());
                return resolver.resolve(HOST, StepTrace.NONE);
            });
            Duration deadline = timeout.multipliedBy(6).plus(MARGIN);
            try {
                DnsAnswer answer = attempt.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
                Set<InetAddress> honest = relay.acceptableAddresses();
                List<InetAddress> foreign = answer.addresses().stream().filter(a -> !honest.contains(a)).toList();
                if (!foreign.isEmpty()) {
                    return new FuzzOutcome(seed, target, relay.applied(), FuzzVerdict.TAMPERED_ACCEPTED,
                            "took " + foreign + " from an answer it should have ignored (honest: " + honest + ")");
                }
                return new FuzzOutcome(seed, target, relay.applied(), FuzzVerdict.OK, null);
            } catch (TimeoutException e) {
                Thread stuck = worker.get();
                attempt.cancel(true);
                return new FuzzOutcome(seed, target, relay.applied(), FuzzVerdict.HANG, "no end within " + deadline.toMillis()
                        + " ms" + (stuck == null ? "" : " at " + TlsFuzzer.topFrameOf(stuck.getStackTrace())));
            } catch (ExecutionException e) {
                Throwable failure = e.getCause();
                Throwable bug = TlsFuzzer.runtimeCause(failure);
                if (bug != null) {
                    return new FuzzOutcome(seed, target, relay.applied(), FuzzVerdict.CRASH, bug + " at " + TlsFuzzer.topFrame(bug));
                }
                String error = failure instanceof NavigationException n ? n.error() + " " : failure.getClass().getSimpleName() + " ";
                return new FuzzOutcome(seed, target, relay.applied(), FuzzVerdict.REFUSED, error + failure.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the relay", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        relayThreads.shutdownNow();
        resolverThreads.shutdownNow();
        attempts.shutdownNow();
    }
}
