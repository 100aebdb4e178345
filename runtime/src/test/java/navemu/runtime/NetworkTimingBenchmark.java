package navemu.runtime;

/** {@code scripts/bench.sh network [SAMPLES]}: see {@link TimingBenchmark}, mode {@code network}. */
public final class NetworkTimingBenchmark {

    private NetworkTimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TimingBenchmark.main(new String[] {"network", args.length > 0 ? args[0] : "5"});
    }
}
