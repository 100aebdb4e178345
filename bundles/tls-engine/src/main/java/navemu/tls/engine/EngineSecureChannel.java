package navemu.tls.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import navemu.api.cert.CertVerdict;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;

/** An established connection over an SSLEngine: application data through the engine, close_notify on close. */
final class EngineSecureChannel implements SecureChannel {

    private final EngineDriver driver;
    private final Connection connection;
    private final TlsInfo info;
    private final CertVerdict verdict;
    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            return driver.read(buffer, offset, length);
        }
    };
    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            driver.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            driver.flush();
        }
    };
    private boolean closed;

    EngineSecureChannel(EngineDriver driver, Connection connection, TlsInfo info, CertVerdict verdict) {
        this.driver = driver;
        this.connection = connection;
        this.info = info;
        this.verdict = verdict;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public TlsInfo info() {
        return info;
    }

    @Override
    public CertVerdict verdict() {
        return verdict;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.closeOutbound();
        } finally {
            connection.close();
        }
    }
}
