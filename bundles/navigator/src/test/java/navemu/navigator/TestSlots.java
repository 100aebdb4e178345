package navemu.navigator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.Slot;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
import navemu.api.nav.Composition;
import navemu.api.result.TlsInfo;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * Minimal, real slot implementations for the navigator's own tests: loopback DNS answers from a
 * map, plain sockets, an HSTS map. The real implementations live in their own bundles.
 */
final class TestSlots {

    static final class MapDns implements DnsResolver {
        final Map<String, String> hosts = new HashMap<>();

        @Override
        public DnsAnswer resolve(String host, navemu.api.trace.StepTrace trace) throws NavigationException {
            String ip = hosts.get(host);
            if (ip == null) {
                throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, host + ": NXDOMAIN");
            }
            try {
                return DnsAnswer.of(List.of(InetAddress.getByName(ip)), false);
            } catch (IOException e) {
                throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, e.getMessage());
            }
        }
    }

    static final class PlainTcp implements TcpConnector {
        @Override
        public Connection connect(List<InetAddress> addresses, int port, Duration timeout, navemu.api.trace.StepTrace trace)
                throws NavigationException {
            Socket socket = new Socket();
            try {
                trace.roundTrip("SYN");
                socket.connect(new InetSocketAddress(addresses.get(0), port), (int) timeout.toMillis());
            } catch (ConnectException e) {
                throw new NavigationException(NetError.ERR_CONNECTION_REFUSED, "refused: " + port);
            } catch (IOException e) {
                throw new NavigationException(NetError.ERR_CONNECTION_FAILED, e.getMessage());
            }
            return new Connection() {
                @Override public InputStream input() throws IOException { return socket.getInputStream(); }
                @Override public OutputStream output() throws IOException { return socket.getOutputStream(); }
                @Override public void setReadTimeout(Duration t) throws IOException { socket.setSoTimeout((int) t.toMillis()); }
                @Override public InetSocketAddress remote() { return (InetSocketAddress) socket.getRemoteSocketAddress(); }
                @Override public InetSocketAddress local() { return (InetSocketAddress) socket.getLocalSocketAddress(); }
                @Override public void close() throws IOException { socket.close(); }
            };
        }
    }

    static final class MapHsts implements HstsStore {
        final Map<String, HstsPolicy> entries = new HashMap<>();
        final List<HstsObservation> observed = new ArrayList<>();

        @Override public Optional<HstsPolicy> lookup(String host, Instant now) { return Optional.ofNullable(entries.get(host)); }
        @Override public HstsUpdate observe(HstsObservation o, Instant now) {
            observed.add(o);
            return new HstsUpdate(false, "seen");
        }
        @Override public List<HstsPolicy> list(Instant now) { return List.copyOf(entries.values()); }
        @Override public void add(String host, Duration maxAge, boolean sub, Instant now) {
            entries.put(host, new HstsPolicy(host, sub, now, now.plus(maxAge), "manual"));
        }
        @Override public boolean delete(String host) { return entries.remove(host) != null; }
        @Override public void clear() { entries.clear(); }
    }

    static final class NoSessions implements SessionStore {
        @Override public Optional<StoredSession> find(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public Optional<StoredSession> take(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public void put(SessionKey key, StoredSession session) { }
        @Override public void remove(SessionKey key) { }
        @Override public void remove(SessionKey key, StoredSession session) { }
        @Override public List<Entry> list(Instant now) { return List.of(); }
        @Override public void clear() { }
    }

    /** A TLS slot that cannot connect: enough to see that https:// reaches the TLS step. */
    static final TlsClient REFUSING_TLS = (request, connection, context, trace) -> {
        throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "test TLS slot: no TLS here");
    };

    static final CertificateValidator NO_CERTS = (request, trace) -> {
        throw new IllegalStateException("not used");
    };

    /**
     * A TLS slot for the HTTP/2 tests: no encryption (the frames go in the clear to a scripted
     * server), ALPN chosen as a server that speaks h2 chooses (h2 when offered, http/1.1 otherwise),
     * and every offer recorded, in order.
     */
    static final class AlpnChoosingTls implements TlsClient {
        final List<List<String>> offers = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace) {
            offers.add(request.alpn());
            String chosen = request.alpn().contains("h2") ? "h2" : "http/1.1";
            return new SecureChannel() {
                @Override public InputStream input() throws IOException { return connection.input(); }
                @Override public OutputStream output() throws IOException { return connection.output(); }
                @Override public TlsInfo info() { return TlsInfo.builder().version("TLSv1.3").alpn(chosen).build(); }
                @Override public CertVerdict verdict() { return null; }
                @Override public void close() throws IOException { connection.close(); }
            };
        }
    }

    /** Fills {@code composition} for a navigation to {@code h2.test} (127.0.0.1) over {@code tls}. */
    static void http2Slots(FixedComposition composition, MapDns dns, TlsClient tls) {
        dns.hosts.put("h2.test", "127.0.0.1");
        composition.services.put(Slot.DNS, dns);
        composition.services.put(Slot.TCP, new PlainTcp());
        composition.services.put(Slot.HSTS, new MapHsts());
        composition.services.put(Slot.TLS, tls);
        composition.services.put(Slot.CERT, NO_CERTS);
        composition.services.put(Slot.SESSION, new NoSessions());
    }

    /** A composition of one implementation per slot, named "test", that a test can empty. */
    static final class FixedComposition implements Composition {
        final Map<Slot, Object> services = new EnumMap<>(Slot.class);

        @Override public List<String> implementations(Slot slot) { return services.containsKey(slot) ? List.of("test") : List.of(); }
        @Override public Map<Slot, String> active() {
            Map<Slot, String> m = new EnumMap<>(Slot.class);
            for (Slot s : Slot.values()) {
                m.put(s, "test");
            }
            return m;
        }
        @Override public void use(Slot slot, String impl) { }
        @Override public <T> Optional<T> service(Slot slot, String impl, Class<T> type) {
            return "test".equals(impl) ? Optional.ofNullable(services.get(slot)).filter(type::isInstance).map(type::cast) : Optional.empty();
        }
        @Override public Optional<String> problem(Slot slot) { return Optional.empty(); }
    }
}
