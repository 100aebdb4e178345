package navemu.tls.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

import navemu.api.trace.StepTrace;

/**
 * Runs an {@link SSLEngine} over a plain byte stream: the engine turns handshake state and
 * application data into TLS records ({@code wrap}) and back ({@code unwrap}); this class moves
 * the records between the engine and the connection's streams. Every byte that passes is shown
 * to the {@link HandshakeObserver} first.
 *
 * <p>Round trips are counted by flights: when the client has written something that asks for an
 * answer and must now read before it can go on, it waits one round trip for the peer.
 */
final class EngineDriver {

    private final SSLEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private final HandshakeObserver observer;
    private final StepTrace trace;

    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean sentSinceRead;
    private boolean inboundClosed;
    private int flights;

    EngineDriver(SSLEngine engine, InputStream in, OutputStream out, HandshakeObserver observer, StepTrace trace) {
        this.engine = engine;
        this.in = in;
        this.out = out;
        this.observer = observer;
        this.trace = trace;
        int packet = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packet);
        netOut = ByteBuffer.allocate(packet);
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        appIn.flip(); // empty, ready to be read from
    }

    int flights() {
        return flights;
    }

    /** Drives the handshake to its end; throws what the engine or the stream threw. */
    void handshake() throws IOException {
        engine.beginHandshake();
        while (true) {
            SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
            switch (status) {
                case NEED_WRAP:
                    wrap(ByteBuffer.allocate(0));
                    break;
                case NEED_UNWRAP:
                case NEED_UNWRAP_AGAIN:
                    unwrapOnce(true);
                    break;
                case NEED_TASK:
                    runTasks();
                    break;
                case FINISHED:
                case NOT_HANDSHAKING:
                    observer.stop();
                    return;
                default:
                    throw new SSLException("unexpected handshake status " + status);
            }
        }
    }

    /** Reads decrypted application data; -1 once the server sent close_notify or closed the stream. */
    int read(byte[] buffer, int offset, int length) throws IOException {
        while (!appIn.hasRemaining()) {
            if (inboundClosed || engine.isInboundDone()) {
                return -1;
            }
            unwrapOnce(false);
            handlePostHandshake();
        }
        int n = Math.min(length, appIn.remaining());
        appIn.get(buffer, offset, n);
        return n;
    }

    /** Encrypts and sends application data. */
    void write(byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(buffer, offset, length);
        while (data.hasRemaining()) {
            wrap(data);
            handlePostHandshake();
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Sends close_notify (RFC 8446 §6.1) if it can. */
    void closeOutbound() throws IOException {
        engine.closeOutbound();
        while (!engine.isOutboundDone()) {
            SSLEngineResult result = wrap(ByteBuffer.allocate(0));
            if (result.bytesProduced() == 0) {
                break;
            }
        }
        out.flush();
    }

    /** After a failure, lets the engine emit its alert so the server learns why. */
    void sendPendingAlert() {
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                netOut.clear();
                SSLEngineResult result = engine.wrap(ByteBuffer.allocate(0), netOut);
                netOut.flip();
                if (netOut.hasRemaining()) {
                    observer.outbound(netOut.array(), 0, netOut.limit());
                    out.write(netOut.array(), 0, netOut.limit());
                }
                if (result.bytesProduced() == 0) {
                    break;
                }
            }
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // The connection is failing already; the alert is a courtesy.
        }
    }

    private void handlePostHandshake() throws IOException {
        // TLS 1.3 KeyUpdate or a TLS 1.2 renegotiation request may need the engine's attention.
        while (true) {
            SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
            if (status == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (status == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                wrap(ByteBuffer.allocate(0));
            } else {
                return;
            }
        }
    }

    private SSLEngineResult wrap(ByteBuffer source) throws IOException {
        while (true) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(source, netOut);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(netOut.capacity() * 2);
                continue;
            }
            netOut.flip();
            if (netOut.hasRemaining()) {
                observer.outbound(netOut.array(), 0, netOut.limit());
                out.write(netOut.array(), 0, netOut.limit());
                out.flush();
                sentSinceRead = true;
            }
            return result;
        }
    }

    /** Unwraps one record, reading from the stream when the engine needs more bytes. */
    private void unwrapOnce(boolean handshaking) throws IOException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
                appIn.flip();
            }
            switch (result.getStatus()) {
                case OK:
                    return;
                case CLOSED:
                    inboundClosed = true;
                    if (handshaking) {
                        throw new EOFException("the server closed the TLS connection during the handshake");
                    }
                    return;
                case BUFFER_OVERFLOW:
                    ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() * 2);
                    bigger.put(appIn);
                    bigger.flip();
                    appIn = bigger;
                    break;
                case BUFFER_UNDERFLOW:
                    if (netIn.position() == netIn.capacity()) {
                        ByteBuffer bigger2 = ByteBuffer.allocate(netIn.capacity() * 2);
                        netIn.flip();
                        bigger2.put(netIn);
                        netIn = bigger2;
                    }
                    if (!readFromNetwork(handshaking)) {
                        return;
                    }
                    break;
                default:
                    throw new SSLException("unexpected unwrap status " + result.getStatus());
            }
        }
    }

    /** False when the stream ended after the handshake (the caller then reports end of data). */
    private boolean readFromNetwork(boolean handshaking) throws IOException {
        // A flight that is only the TLS 1.3 compatibility ChangeCipherSpec (RFC 8446 §D.4) asks for no
        // answer: the server's flight is already on its way, so waiting for it is not a new round trip.
        if (handshaking && sentSinceRead && !"ChangeCipherSpec".equals(observer.lastSent())) {
            flights++;
            trace.roundTrip("sent " + observer.lastSent() + (flights == 1 ? "" : " (flight " + flights + ")")
                    + ", waiting for the server");
        }
        sentSinceRead = false;
        byte[] chunk = new byte[netIn.remaining()];
        int n = in.read(chunk);
        if (n < 0) {
            inboundClosed = true;
            if (handshaking) {
                throw new EOFException("the server closed the connection during the TLS handshake");
            }
            // No close_notify (RFC 8446 §6.1): browsers accept this for HTTP whose framing says the body
            // is complete; the HTTP step decides whether data is missing.
            trace.info("the server closed the connection without sending close_notify");
            return false;
        }
        observer.inbound(chunk, 0, n);
        netIn.put(chunk, 0, n);
        return true;
    }

    private void runTasks() {
        // Run delegated tasks (certificate checks, key agreement) here, on the navigating thread,
        // so the cert slot's trace lines come in order.
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
