package navemu.tls.tls13ecdhe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.session.StoredSession;
import navemu.api.tcp.Connection;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.client.Tls13Client;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * A ticket's age counts from when it was received (RFC 8446 §4.2.11.1: the client's view of the
 * ticket's age is the time since it received the NewSessionTicket), not from when the handshake
 * began: a slow handshake once stored its tickets as older than they were, and a server that
 * checks the age (OpenSSL allows one second over its own count) then rejected the 0-RTT data.
 */
@Timeout(60)
class TicketAgeTest {

    private static final Duration SLOW_SERVER_FLIGHT = Duration.ofMillis(800);

    @Test
    void aTicketFromASlowHandshakeIsStoredAsReceivedWhenItArrived() throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed");
        TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null, "-early_data")) {
            Exchange exchange = new Exchange(pki);
            Instant handshakeStart = Instant.now();
            TlsContext context = new TlsContext(exchange.validator, exchange.sessions, handshakeStart, null);
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofMillis(1500));
            try (var channel = new Tls13Client(Tls13ClientConfig.defaults()).handshake(request,
                    new SlowFirstRead(SocketConnection.connect(server.port())), context, exchange.trace)) {
                // s_server (without -www) only reads: our read takes in its tickets, then times out.
                org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class, () -> channel.input().read());
            }
            assertEquals(1, exchange.sessions.stored.size(), exchange.trace.infos.toString());
            StoredSession ticket = exchange.sessions.stored.values().iterator().next();
            // The server's flight came at least SLOW_SERVER_FLIGHT after the handshake began, and
            // the ticket after it: on the handshake's clock, it cannot have been received earlier.
            assertFalse(ticket.created().isBefore(handshakeStart.plus(SLOW_SERVER_FLIGHT)),
                    "received " + ticket.created() + ", handshake began " + handshakeStart);
        }
    }

    /** A connection whose first read waits: the server's first flight arrives late. */
    private static final class SlowFirstRead implements Connection {
        private final Connection inner;
        private boolean waited;

        SlowFirstRead(Connection inner) {
            this.inner = inner;
        }

        @Override
        public InputStream input() throws IOException {
            return new FilterInputStream(inner.input()) {
                @Override
                public int read() throws IOException {
                    pause();
                    return super.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    pause();
                    return super.read(b, off, len);
                }
            };
        }

        private void pause() {
            if (!waited) {
                waited = true;
                try {
                    Thread.sleep(SLOW_SERVER_FLIGHT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public OutputStream output() throws IOException {
            return inner.output();
        }

        @Override
        public void setReadTimeout(Duration timeout) throws IOException {
            inner.setReadTimeout(timeout);
        }

        @Override
        public InetSocketAddress remote() {
            return inner.remote();
        }

        @Override
        public InetSocketAddress local() {
            return inner.local();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
