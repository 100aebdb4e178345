package navemu.tls.core.handshake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.brotli.dec.BrotliInputStream;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * Brotli (RFC 7932) decompression of a compressed Certificate message that must come out at
 * exactly the length the server declared (RFC 8879 §4). The decoder is Google's pure-Java
 * {@code org.brotli:dec}, embedded in this bundle.
 *
 * <p>A server chooses both the length and the stream, so the output is never allowed to grow past
 * the declared length: decoding stops at the first byte beyond it. A stream that ends early, goes
 * on too long, or is not brotli is a bad_certificate.
 */
final class BrotliDecompression {
    private static final int CHUNK = 1 << 12;

    private BrotliDecompression() {
    }

    static byte[] decompress(byte[] compressed, int declaredLength) throws TlsAlertException {
        byte[] out = new byte[declaredLength];
        int filled = 0;
        try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(compressed))) {
            while (filled < declaredLength) {
                int n = in.read(out, filled, Math.min(CHUNK, declaredLength - filled));
                if (n < 0) {
                    throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "the brotli certificate is "
                            + filled + " bytes, but the server declared " + declaredLength + " (RFC 8879 §4)");
                }
                filled += n;
            }
            byte[] probe = new byte[1];
            int more;
            do {
                more = in.read(probe, 0, 1);
            } while (more == 0);
            if (more > 0) {
                throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "the brotli certificate goes on past the "
                        + declaredLength + " bytes the server declared (RFC 8879 §4)");
            }
        } catch (TlsAlertException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
                    "the compressed certificate is not a valid brotli stream: " + e.getMessage(), e);
        }
        return out;
    }
}
