package navemu.api.tls;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

import navemu.api.cert.CertVerdict;
import navemu.api.result.TlsInfo;

/** An established TLS connection: application data in and out, and what the handshake found. */
@ConsumerType
public interface SecureChannel extends Closeable {

    /** Decrypted application data from the server; -1 at close_notify. */
    InputStream input() throws IOException;

    /** Application data to the server, encrypted on write (flush sends it). */
    OutputStream output() throws IOException;

    /** What was negotiated, and the handshake messages, for the result. */
    TlsInfo info();

    /**
     * The cert slot's verdict on the server chain. For a resumed session it is the active cert
     * slot's verdict on the session's stored chain, re-validated for this host at this time: a
     * resumed channel never invents one.
     */
    CertVerdict verdict();

    /** True when {@link TlsRequest#earlyData()} was sent as 0-RTT and the server accepted it. */
    default boolean earlyDataAccepted() {
        return false;
    }

    /** Sends close_notify and closes the connection underneath. */
    @Override
    void close() throws IOException;
}
