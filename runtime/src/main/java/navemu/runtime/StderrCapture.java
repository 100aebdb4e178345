package navemu.runtime;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code System.err} kept in memory while the bundles start behind the interactive prompt. Some
 * components say a configuration problem on stderr as they start; written straight to the
 * terminal there, such a line would land in the middle of the line being typed. The shell prints
 * the captured lines above its prompt instead, once the start is done.
 */
final class StderrCapture implements AutoCloseable {
    /** Enough for every start-up line navemu's bundles can say; more is cut, and says so. */
    static final int LIMIT_BYTES = 64 * 1024;

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    StderrCapture() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (captured.size() < LIMIT_BYTES) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                captured.write(bytes, offset, Math.max(0, Math.min(length, LIMIT_BYTES - captured.size())));
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** What was written so far, a line each. */
    List<String> lines() {
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        if (captured.size() < LIMIT_BYTES) {
            return lines;
        }
        return Stream.concat(lines.stream(),
                Stream.of("navemu: (the start said more than " + LIMIT_BYTES / 1024 + " KB on stderr; the rest was cut)")).toList();
    }

    /** Gives {@code System.err} back. */
    @Override
    public void close() {
        System.setErr(original);
    }
}
