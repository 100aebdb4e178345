package navemu.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/fuzz.sh}'s entry: {@code [N] [--client NAME] [--seed S] [--parallel P] [--timeout-ms T]}.
 * Without {@code --client} it fuzzes every own TLS client with N handshakes each; with
 * {@code --seed} and N=1 it replays that one case and prints it. Exit status 1 when any crash,
 * hang or tampered connection was accepted.
 */
public final class TlsFuzzMain {
    private TlsFuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = 2000;
        long seed = System.currentTimeMillis();
        int parallel = 32;
        Duration timeout = Duration.ofSeconds(2);
        List<OwnTlsClient> clients = new ArrayList<>(List.of(OwnTlsClient.values()));
        boolean dns = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--client" -> {
                    String name = args[++i];
                    dns = name.equals("dns");
                    clients = dns ? List.of() : List.of(OwnTlsClient.bySlotName(name));
                }
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--timeout-ms" -> timeout = Duration.ofMillis(Long.parseLong(args[++i]));
                default -> count = Integer.parseInt(args[i]);
            }
        }
        boolean clean = true;
        FuzzTally all = new FuzzTally("handshakes");
        for (OwnTlsClient client : clients) {
            try (FuzzTargets targets = FuzzTargets.forClient(client, Math.max(1, parallel / 2));
                 TlsFuzzer fuzzer = new TlsFuzzer(client, targets.servers, targets.pki, timeout)) {
                fuzzer.warmUp(10);
                long start = System.nanoTime();
                FuzzTally tally = count == 1 ? single(fuzzer, seed) : fuzzer.run(seed, count, parallel);
                System.out.println(client.slotName + " (seeds " + seed + ".." + (seed + count - 1) + ", "
                        + (System.nanoTime() - start) / 1_000_000 + " ms, against "
                        + targets.servers.stream().map(FuzzServer::name).toList() + ")");
                System.out.print(tally.report(50));
                all.addAll(tally);
                clean &= tally.failures().isEmpty();
            }
        }
        if (clients.size() > 1) {
            System.out.println("all TLS clients: " + all.summary());
        }
        if (dns) {
            try (DnsFuzzer fuzzer = DnsFuzzer.start(Duration.ofMillis(Math.max(200, timeout.toMillis() / 2)))) {
                fuzzer.warmUp(5);
                long start = System.nanoTime();
                FuzzTally tally = count == 1 ? fuzzer.runOneReported(seed) : fuzzer.run(seed, count, parallel);
                System.out.println("dns-dnsjava (seeds " + seed + ".." + (seed + count - 1) + ", "
                        + (System.nanoTime() - start) / 1_000_000 + " ms, against the lab's DNS server)");
                System.out.print(tally.report(50));
                clean &= tally.failures().isEmpty();
            }
        }
        System.exit(clean ? 0 : 1);
    }

    private static FuzzTally single(TlsFuzzer fuzzer, long seed) {
        FuzzTally tally = new FuzzTally("handshakes");
        TlsFuzzer.Judged j = fuzzer.runOne(seed);
        System.out.println("  " + j.outcome().line());
        tally.add(j.outcome(), j.contentChanged());
        return tally;
    }
}
