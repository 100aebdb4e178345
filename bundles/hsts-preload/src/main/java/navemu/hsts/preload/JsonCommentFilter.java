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
    /** What was read from the underlying reader and not yet filtered. */
    private final char[] chunk = new char[1 << 16];
    private int chunkStart;
    private int chunkEnd;
    private boolean ended;

    JsonCommentFilter(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    /** Filters a chunk at a time: the list is tens of megabytes, so no call per character. */
    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n == 0) {
            if (chunkStart == chunkEnd) {
                if (ended) {
                    return -1;
                }
                int got = in.read(chunk, 0, chunk.length);
                if (got < 0) {
                    ended = true;
                    if (state == State.SLASH) { // a lone '/' at the very end: the parser's to refuse
                        state = State.CODE;
                        buffer[offset] = '/';
                        return 1;
                    }
                    return -1;
                }
                chunkStart = 0;
                chunkEnd = got;
            }
            while (chunkStart < chunkEnd && n < length) {
                char c = chunk[chunkStart++];
                switch (state) {
                    case CODE -> {
                        if (c == '/') {
                            state = State.SLASH;
                        } else {
                            if (c == '"') {
                                state = State.STRING;
                            }
                            buffer[offset + n++] = c;
                        }
                    }
                    case STRING -> {
                        if (c == '\\') {
                            state = State.STRING_ESCAPE;
                        } else if (c == '"') {
                            state = State.CODE;
                        }
                        buffer[offset + n++] = c;
                    }
                    case STRING_ESCAPE -> {
                        state = State.STRING;
                        buffer[offset + n++] = c;
                    }
                    case SLASH -> {
                        if (c == '/') {
                            state = State.LINE_COMMENT;
                        } else if (c == '*') {
                            state = State.BLOCK_COMMENT;
                        } else { // not a comment: the '/' is the parser's to refuse; c is read again as code
                            state = State.CODE;
                            buffer[offset + n++] = '/';
                            chunkStart--;
                        }
                    }
                    case LINE_COMMENT -> {
                        if (c == '\n' || c == '\r') {
                            state = State.CODE;
                            buffer[offset + n++] = c;
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
                            buffer[offset + n++] = ' ';
                        } else if (c != '*') {
                            state = State.BLOCK_COMMENT;
                        }
                    }
                    default -> throw new IllegalStateException(state.name());
                }
            }
        }
        return n;
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
