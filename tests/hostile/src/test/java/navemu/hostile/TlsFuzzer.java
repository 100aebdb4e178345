package navemu.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import navemu.api.NavigationException;
import navemu.tls.core.alert.TlsAlertException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * Runs one of our TLS clients through a {@link MutatingTlsProxy} in front of real servers, one
 * seeded mutation per connection, and judges each connection (see {@link FuzzVerdict}). The seed
 * alone picks the server (seed mod the number of servers) and the mutation, so any case replays
 * with {@link #runOne(long)}.
 */
final class TlsFuzzer implements AutoCloseable {
    /** Beyond the read timeout: the time a loaded machine may take for the handshake's own work. */
    private static final Duration MARGIN = Duration.ofSeconds(20);

    private final OwnTlsClient client;
    private final List<FuzzServer> servers;
    private final TestPki pki;
    private final Duration readTimeout;
    private final ExecutorService proxyThreads = Executors.newCachedThreadPool(daemon("hostile-proxy"));
    private final ExecutorService attempts = Executors.newCachedThreadPool(daemon("hostile-client"));

    TlsFuzzer(OwnTlsClient client, List<FuzzServer> servers, TestPki pki, Duration readTimeout) {
        this.client = client;
        this.servers = List.copyOf(servers);
        this.pki = pki;
        this.readTimeout = readTimeout;
    }

    /** Runs seeds {@code firstSeed .. firstSeed+count-1}, {@code parallel} at a time. */
    FuzzTally run(long firstSeed, int count, int parallel) throws InterruptedException {
        FuzzTally tally = new FuzzTally("handshakes");
        ExecutorService cases = Executors.newFixedThreadPool(parallel, daemon("hostile-case"));
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = firstSeed + i;
            all.add(cases.submit(() -> {
                Judged j = runOne(seed);
                tally.add(j.outcome(), j.contentChanged());
            }));
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

    /**
     * Unmutated connections to every server, one at a time, which must all be OK: proves the
     * servers and the harness are sound, and warms the JIT up so that the first mutated cases do
     * not run in a cold, overloaded JVM (that would only measure the machine).
     */
    void warmUp(int perServer) {
        for (int i = 0; i < perServer * servers.size(); i++) {
            FuzzOutcome o = runOne(i, RecordMutation.none()).outcome();
            if (o.verdict() != FuzzVerdict.OK) {
                throw new IllegalStateException("an unmutated connection failed, so the fuzzer cannot judge: " + o.line());
            }
        }
    }

    /** One outcome and whether the proxy changed an authenticated byte. */
    record Judged(FuzzOutcome outcome, boolean contentChanged) {
    }

    /** Replays one seed. */
    Judged runOne(long seed) {
        return runOne(seed, RecordMutation.fromSeed(seed));
    }

    private Judged runOne(long seed, RecordMutation mutation) {
        FuzzServer server = servers.get((int) Math.floorMod(seed, (long) servers.size()));
        String target = client.slotName + " -> " + server.name();
        int serverPort;
        try {
            serverPort = server.port();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (MutatingTlsProxy proxy = new MutatingTlsProxy(serverPort, mutation, proxyThreads)) {
            java.util.concurrent.atomic.AtomicReference<Thread> worker = new java.util.concurrent.atomic.AtomicReference<>();
            Future<Judged> attempt = attempts.submit(() -> {
                worker.set(Thread.currentThread());
                return connect(seed, target, server, mutation, proxy);
            });
            try {
                return attempt.get(readTimeout.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String stuck = stackOf(worker.get());
                attempt.cancel(true);
                return new Judged(new FuzzOutcome(seed, target, proxy.applied(), FuzzVerdict.HANG,
                        "no end within " + readTimeout.plus(MARGIN).toMillis() + " ms; stuck at " + stuck),
                        mutation.kind().changesContent);
            } catch (ExecutionException e) {
                return new Judged(new FuzzOutcome(seed, target, proxy.applied(), FuzzVerdict.CRASH, "escaped: " + e.getCause()),
                        mutation.kind().changesContent);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            server.release(serverPort);
        }
    }

    private Judged connect(long seed, String target, FuzzServer server, RecordMutation mutation, MutatingTlsProxy proxy)
            throws IOException {
        TlsRequest request = new TlsRequest(TestPki.HOST, proxy.port(), List.of("http/1.1"), null, readTimeout);
        TlsContext context = new TlsContext(new TestRootValidator(pki.root), MapSessionStore.off(), Instant.now(), null);
        SecureChannel channel;
        try {
            channel = client.handshake(request, SocketConnection.connect(proxy.port()), context, new RecordingTrace());
        } catch (NavigationException e) {
            return judgeFailure(seed, target, mutation, proxy, e, "handshake: ");
        } catch (RuntimeException | Error e) {
            return judged(seed, target, mutation, proxy, FuzzVerdict.CRASH, "handshake threw " + e);
        }
        byte[] received;
        try (channel) {
            channel.output().write(server.request());
            channel.output().flush();
            received = readAll(channel.input());
        } catch (IOException e) {
            return judgeFailure(seed, target, mutation, proxy, e, "after the handshake: ");
        } catch (RuntimeException | Error e) {
            return judged(seed, target, mutation, proxy, FuzzVerdict.CRASH, "reading the response threw " + e);
        }
        return judgeDelivery(seed, target, mutation, proxy, server.expectedResponse(), received);
    }

    /**
     * The connection completed and the client handed over {@code received} with a clean end.
     * Wrong bytes are always a failure; the right bytes are one when an authenticated byte was
     * changed on the way — except a cut stream that lost no data (only the closing alert).
     */
    private static Judged judgeDelivery(long seed, String target, RecordMutation mutation, MutatingTlsProxy proxy,
                                        byte[] expected, byte[] received) {
        if (!Arrays.equals(expected, received)) {
            return judged(seed, target, mutation, proxy, FuzzVerdict.TAMPERED_ACCEPTED, "delivered " + received.length
                    + " bytes that are not the server's " + expected.length + " bytes");
        }
        boolean changed = proxy.applied() != null && mutation.kind().changesContent;
        if (changed && mutation.kind() != RecordMutation.Kind.CUT_STREAM) {
            return judged(seed, target, mutation, proxy, FuzzVerdict.TAMPERED_ACCEPTED,
                    "completed and delivered the page although the server's bytes were changed");
        }
        return judged(seed, target, mutation, proxy, FuzzVerdict.OK, null);
    }

    private static Judged judgeFailure(long seed, String target, RecordMutation mutation, MutatingTlsProxy proxy,
                                       Exception failure, String when) {
        Throwable bug = runtimeCause(failure);
        if (bug != null) {
            return judged(seed, target, mutation, proxy, FuzzVerdict.CRASH, when + bug + " at " + topFrame(bug));
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("inside the client")) {
            return judged(seed, target, mutation, proxy, FuzzVerdict.CRASH, when + message);
        }
        String error = failure instanceof NavigationException n ? n.error() + " " : failure.getClass().getSimpleName() + " ";
        return judged(seed, target, mutation, proxy, FuzzVerdict.REFUSED, when + error + message);
    }

    private static Judged judged(long seed, String target, RecordMutation mutation, MutatingTlsProxy proxy,
                                 FuzzVerdict verdict, String detail) {
        boolean changed = proxy.applied() != null && mutation.kind().changesContent;
        String what = proxy.applied() == null ? null : mutation.kind() + ": " + proxy.applied();
        return new Judged(new FuzzOutcome(seed, target, what, verdict, detail), changed);
    }

    /**
     * A RuntimeException or Error in the cause chain: our bug, whatever wrapped it — unless a
     * {@link TlsAlertException} wraps it first. That is a parse that caught the library's
     * unchecked exception on purpose (Bouncy Castle reports malformed DER that way) and chose the
     * alert for it; the alert on the wire is what matters, and the fuzzer judges it as a refusal.
     * A runtime exception that escaped unmapped ends as internal_error "inside the client", which
     * {@code judgeFailure} counts as a crash.
     */
    static Throwable runtimeCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TlsAlertException) {
                return null;
            }
            if (c instanceof RuntimeException || c instanceof Error) {
                return c;
            }
        }
        return null;
    }

    static String topFrame(Throwable t) {
        return topFrameOf(t.getStackTrace());
    }

    /** The first frame in navemu code (where our code went wrong), else the first frame. */
    static String topFrameOf(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("navemu.")) {
                return e.toString();
            }
        }
        return stack.length > 0 ? stack[0].toString() : "?";
    }

    /** Where a stuck client thread is, for the report: its first frames in navemu code. */
    private static String stackOf(Thread thread) {
        if (thread == null) {
            return "(not started)";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : thread.getStackTrace()) {
            if (e.getClassName().startsWith("navemu.") && shown++ < 4) {
                out.append(shown == 1 ? "" : " <- ").append(e);
            }
        }
        return out.length() == 0 ? "(no navemu frame)" : out.toString();
    }

    /** Everything until the clean end; each read waits at most the read timeout. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) >= 0; ) {
            out.write(buf, 0, n);
            if (out.size() > 1 << 20) {
                throw new IOException("more than 1 MiB of response: not the test server's page");
            }
        }
        return out.toByteArray();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        proxyThreads.shutdownNow();
        attempts.shutdownNow();
    }
}
