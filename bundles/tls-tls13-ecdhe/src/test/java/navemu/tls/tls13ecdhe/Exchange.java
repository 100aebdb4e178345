package navemu.tls.tls13ecdhe;

import navemu.tls.core.testing.TestPki;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.client.Tls13Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import navemu.api.NavigationException;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.KeyLog;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;

/** One client run against a loopback server: handshake, a GET, the whole response. */
final class Exchange {
    final RecordingTrace trace = new RecordingTrace();
    final Map<String, byte[]> keyLog = new ConcurrentHashMap<>();
    final MemorySessions sessions = new MemorySessions();
    final RootValidator validator;
    SecureChannel channel;
    String response;

    Exchange(TestPki pki) {
        this.validator = new RootValidator(pki.root);
    }

    TlsContext context() {
        KeyLog log = (label, clientRandom, secret) -> keyLog.put(label, secret);
        return new TlsContext(validator, sessions, Instant.now(), log);
    }

    static TlsRequest request(int port) {
        return new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(5));
    }

    Exchange run(Tls13ClientConfig config, int port) throws IOException, NavigationException {
        channel = new Tls13Client(config).handshake(request(port), SocketConnection.connect(port), context(), trace);
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        response = readAll(channel.input());
        channel.close();
        return this;
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** A session slot that just keeps what it is given. */
    static final class MemorySessions implements SessionStore {
        final Map<SessionKey, StoredSession> stored = new ConcurrentHashMap<>();

        @Override
        public java.util.Optional<StoredSession> find(SessionKey key, Instant now) {
            return java.util.Optional.ofNullable(stored.get(key));
        }

        @Override
        public java.util.Optional<StoredSession> take(SessionKey key, Instant now) {
            return java.util.Optional.ofNullable(stored.remove(key));
        }

        @Override
        public void put(SessionKey key, StoredSession session) {
            stored.put(key, session);
        }

        @Override
        public void remove(SessionKey key) {
            stored.remove(key);
        }

        @Override
        public void remove(SessionKey key, StoredSession session) {
            stored.computeIfPresent(key, (k, kept) -> kept.sameSessionAs(session) ? null : kept);
        }

        @Override
        public List<Entry> list(Instant now) {
            return stored.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
        }

        @Override
        public void clear() {
            stored.clear();
        }
    }
}
