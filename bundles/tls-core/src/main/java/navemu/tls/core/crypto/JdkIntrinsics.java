package navemu.tls.core.crypto;

/**
 * Whether the JDK's SHA and AES-GCM code runs here on the CPU's own instructions, which decides
 * whose implementation {@link HashAlgorithm} and {@link KeyedAead} use.
 *
 * <p>Only HotSpot's optimising compiler (C2) turns the JDK's SHA compression, AES rounds and GHASH
 * into the CPU's SHA, AES and carry-less multiply instructions. A JVM limited to C1 (as
 * {@code ./navemu} runs, {@code -XX:TieredStopAtLevel=1}: the JDK says "emulated-client" in
 * {@code java.vm.info}) or interpreting ({@code -Xint}) runs the JDK's portable Java instead:
 * no faster than Bouncy Castle's for SHA, and slower for AES-GCM (a 1,500-byte record with its
 * key set up: 35 vs 23 µs), whose portable GHASH works bit by bit where Bouncy Castle's uses
 * tables. There we keep Bouncy Castle.
 */
final class JdkIntrinsics {
    /** Read once: the JIT a JVM runs with does not change while it runs. */
    static final boolean COMPILED = compiledFor(System.getProperty("java.vm.info"));

    private JdkIntrinsics() {
    }

    /** Whether a JVM whose {@code java.vm.info} reads so compiles with C2 (null: unknown, so no). */
    static boolean compiledFor(String vmInfo) {
        return vmInfo != null && vmInfo.contains("mixed mode") && !vmInfo.contains("emulated-client");
    }
}
