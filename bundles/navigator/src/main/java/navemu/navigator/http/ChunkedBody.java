package navemu.navigator.http;

import java.io.IOException;
import java.io.InputStream;

import navemu.api.NetError;

/**
 * Reads a chunked body (RFC 9112 §7.1) into a {@link BodyReader}. The chunk-size lines are framing,
 * not headers: they have their own bounds (a line, and all framing together), so a valid body of
 * many small chunks is read whole; trailers are read and ignored within the header limit.
 */
final class ChunkedBody {
    /** Chromium's HttpChunkedDecoder refuses a chunk-size line longer than this. */
    static final int MAX_CHUNK_LINE_BYTES = 16 * 1024;
    /** "1\r\n" + "x" + "\r\n": five framing bytes per body byte at worst, so six per body byte is never in the way. */
    static final long MAX_FRAMING_BYTES = 6 * Http11Client.MAX_BODY_BYTES;

    private ChunkedBody() {
    }

    static void read(InputStream in, BodyReader body) throws IOException {
        LineReader framing = new LineReader(in, MAX_CHUNK_LINE_BYTES, MAX_FRAMING_BYTES,
                NetError.ERR_INVALID_CHUNKED_ENCODING, "chunk-size lines");
        while (true) {
            String sizeLine = framing.line();
            if (sizeLine == null) {
                throw new HttpProtocolException(NetError.ERR_INVALID_CHUNKED_ENCODING, "the connection closed before the last chunk");
            }
            long size = chunkSize(sizeLine);
            if (size == 0) {
                skipTrailers(in);
                return;
            }
            if (body.full()) {
                body.markTruncated(); // more data is coming, and the limit is reached: stop here
                return;
            }
            body.copy(size);
            if (body.truncated()) {
                return;
            }
            String end = framing.line();
            if (end == null || !end.isEmpty()) {
                throw new HttpProtocolException(NetError.ERR_INVALID_CHUNKED_ENCODING, "chunk data not followed by CRLF");
            }
        }
    }

    /** chunk-size = 1*HEXDIG, then optional chunk extensions after ';' (ignored). */
    private static long chunkSize(String sizeLine) throws HttpProtocolException {
        String hex = sizeLine.split(";", 2)[0].strip();
        // At most 15 hex digits, so the size fits a long; anything longer is no chunk size we could read.
        if (!hex.matches("[0-9A-Fa-f]{1,15}")) {
            throw new HttpProtocolException(NetError.ERR_INVALID_CHUNKED_ENCODING,
                    "bad chunk size line: '" + ResponseHead.printable(sizeLine) + "'");
        }
        return Long.parseLong(hex, 16);
    }

    private static void skipTrailers(InputStream in) throws IOException {
        LineReader trailers = new LineReader(in, Http11Client.MAX_HEADER_BYTES, Http11Client.MAX_HEADER_BYTES,
                NetError.ERR_INVALID_CHUNKED_ENCODING, "trailers");
        String trailer;
        while ((trailer = trailers.line()) != null && !trailer.isEmpty()) {
            // Trailers are allowed and ignored.
        }
    }
}
