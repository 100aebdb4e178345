package navemu.navigator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import navemu.api.NetError;

/**
 * Reads CRLF- (or LF-) terminated lines byte by byte, so no body byte is consumed by a buffer,
 * within two bounds a peer cannot push past: the length of one line and the bytes of every line
 * read through this reader together. Going over either is {@code overLimit}, naming {@code what}.
 */
final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final long budgetBytes;
    private final NetError overLimit;
    private final String what;
    private long used;

    /**
     * @param maxLineBytes the longest one line may be, its CRLF included
     * @param budgetBytes  the most all lines read through this reader may take together
     * @param overLimit    the error when a bound is passed
     * @param what         what the lines are, for the message ("response headers", "chunk-size lines")
     */
    LineReader(InputStream in, int maxLineBytes, long budgetBytes, NetError overLimit, String what) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.budgetBytes = budgetBytes;
        this.overLimit = overLimit;
        this.what = what;
    }

    /** The next line without its line end, or null when the stream ended before any byte of it. */
    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return length == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (++used > budgetBytes) {
                throw new HttpProtocolException(overLimit, what + " exceed " + budgetBytes + " bytes");
            }
            if (++length > maxLineBytes) {
                throw new HttpProtocolException(overLimit, "a line of the " + what + " is longer than "
                        + maxLineBytes + " bytes");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
    }
}
