package navemu.runtime;

/** {@code scripts/bench.sh cold [SAMPLES]}: see {@link TimingBenchmark}, mode {@code cold}. */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TimingBenchmark.main(new String[] {"cold", args.length > 0 ? args[0] : "5"});
    }
}
