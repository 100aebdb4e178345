package navemu.tcp.emulated;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import navemu.api.tcp.Connection;
import navemu.tcp.emulated.api.LinkConditions;

/**
 * Prints what the clock measures across the emulated link against a loopback echo server: the
 * connect and one request/response exchange for RTTs of 50, 100 and 200 ms (median of several
 * runs, and the overshoot over the setting), and 100 KB echoed at 1 Mbit/s.
 *
 * <p>Run: {@code mvn -q -f bundles/tcp-emulated/pom.xml test-compile exec:java} is not set up;
 * use {@code java -cp target/classes:target/test-classes:$(cat cp.txt) navemu.tcp.emulated.EmulatedLinkBenchmark}
 * with the classpath from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class EmulatedLinkBenchmark {

    private static final int RUNS = 7;

    private EmulatedLinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (EchoServer echo = new EchoServer()) {
            System.out.println("setting    connect (median)   exchange (median)   connect+exchange   overshoot per RTT");
            for (long rtt : new long[] {50, 100, 200}) {
                LinkConditions link = LinkConditions.OFF.withRtt(Duration.ofMillis(rtt));
                EmulatedConnector connector = new EmulatedConnector(() -> link);
                double[] connects = new double[RUNS];
                double[] exchanges = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    try (Connection connection = connector.connect(List.of(loopback), echo.port(), Duration.ofSeconds(5),
                            new RecordingTrace())) {
                        connects[run] = (System.nanoTime() - start) / 1e6;
                        connection.setReadTimeout(Duration.ofSeconds(5));
                        long exchangeStart = System.nanoTime();
                        connection.output().write(new byte[64]);
                        new DataInputStream(connection.input()).readFully(new byte[64]);
                        exchanges[run] = (System.nanoTime() - exchangeStart) / 1e6;
                    }
                }
                double connect = median(connects);
                double exchange = median(exchanges);
                System.out.printf("RTT %3d ms   %8.1f ms        %8.1f ms         %8.1f ms        %+5.1f ms%n",
                        rtt, connect, exchange, connect + exchange, (connect + exchange - 2 * rtt) / 2);
            }

            byte[] data = new byte[100_000];
            LinkConditions slow = LinkConditions.OFF.withBandwidth(1_000_000);
            try (Connection connection = new EmulatedConnector(() -> slow)
                    .connect(List.of(loopback), echo.port(), Duration.ofSeconds(5), new RecordingTrace())) {
                connection.setReadTimeout(Duration.ofSeconds(10));
                long start = System.nanoTime();
                Thread writer = new Thread(() -> {
                    try {
                        connection.output().write(data);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                writer.start();
                new DataInputStream(connection.input()).readFully(new byte[data.length]);
                writer.join();
                double millis = (System.nanoTime() - start) / 1e6;
                System.out.printf("100 KB echoed at 1 Mbit/s each way: %.0f ms (uplink alone needs 800 ms; %.2f Mbit/s)%n",
                        millis, data.length * 8 / millis / 1000);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
