package navemu.hsts.preload;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Chromium reads its preload list with {@code base::JSONReader} and
 * {@code JSON_PARSE_CHROMIUM_EXTENSIONS}, which adds {@code //} and {@code /* *}{@code /} comments
 * to RFC 8259 JSON. This reader turns every comment outside a string into one space, so that the
 * rest can be parsed strictly: a list that is not JSON apart from its comments is refused, as
 * Chromium's generator refuses it (a lenient parser would also take single quotes, unquoted names
 * and semicolons, which Chromium does not).
 *
 * <p>An unterminated block comment is left to end the text; the strict parser then reports the
 * document as incomplete.
 */
final class JsonCommentFilter extends FilterReader {

    private enum State { CODE, STRING, STRING_ESCAPE, SLASH, LINE_COMMENT, BLOCK_COMMENT, BLOCK_STAR }

    private State state = State.CODE;
    /** A character read ahead (the one after a lone '/'), or -1. */
    private int pending = -1;

    JsonCommentFilter(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c;
            if (pending >= 0) {
                c = pending;
                pending = -1;
            } else {
                c = in.read();
            }
            if (c < 0) {
                if (state == State.SLASH) { // a lone '/' at the very end: give it to the parser to refuse
                    state = State.CODE;
                    return '/';
                }
                return -1;
            }
            switch (state) {
                case CODE -> {
                    if (c == '/') {
                        state = State.SLASH;
                        continue;
                    }
                    if (c == '"') {
                        state = State.STRING;
                    }
                    return c;
                }
                case STRING -> {
                    if (c == '\\') {
                        state = State.STRING_ESCAPE;
                    } else if (c == '"') {
                        state = State.CODE;
                    }
                    return c;
                }
                case STRING_ESCAPE -> {
                    state = State.STRING;
                    return c;
                }
                case SLASH -> {
                    if (c == '/') {
                        state = State.LINE_COMMENT;
                    } else if (c == '*') {
                        state = State.BLOCK_COMMENT;
                    } else { // not a comment: the '/' is the parser's to refuse
                        state = State.CODE;
                        pending = c;
                        return '/';
                    }
                }
                case LINE_COMMENT -> {
                    if (c == '\n' || c == '\r') {
                        state = State.CODE;
                        return c;
                    }
                }
                case BLOCK_COMMENT -> {
                    if (c == '*') {
                        state = State.BLOCK_STAR;
                    }
                }
                case BLOCK_STAR -> {
                    if (c == '/') {
                        state = State.CODE;
                        return ' ';
                    }
                    if (c != '*') {
                        state = State.BLOCK_COMMENT;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length) {
            // Stop before blocking for more once something has been read.
            if (n > 0 && pending < 0 && !in.ready()) {
                break;
            }
            int c = read();
            if (c < 0) {
                break;
            }
            buffer[offset + n++] = (char) c;
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark not supported");
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("reset not supported");
    }
}
