package navemu.navigator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.Slot;
import navemu.api.cert.CertificateValidator;
import navemu.api.dns.DnsResolver;
import navemu.api.hsts.HstsStore;
import navemu.api.nav.Composition;
import navemu.api.nav.NavigationScope;
import navemu.api.session.SessionStore;
import navemu.api.tcp.TcpConnector;
import navemu.api.tls.TlsClient;

/**
 * The composition as it was when a navigation started: one service per slot. A swap or a bundle
 * going away later does not touch a navigation in flight, which keeps using these objects.
 * {@code ownDnsCache} and {@code ownSessions} say whether {@code dns} and {@code session} are a
 * {@link NavigationScope}'s private copies rather than the shared services.
 */
record Snapshot(Map<Slot, String> names, HstsStore hsts, DnsResolver dns, TcpConnector tcp, TlsClient tls,
                CertificateValidator cert, SessionStore session, boolean ownDnsCache, boolean ownSessions) {

    /**
     * Takes the active implementations, with {@code overrides} replacing some of them.
     *
     * @throws NavigationException naming the first slot that has no implementation to serve
     */
    static Snapshot take(Composition composition, Map<Slot, String> overrides) throws NavigationException {
        Map<Slot, String> names = new EnumMap<>(Slot.class);
        names.putAll(composition.active());
        names.putAll(overrides);
        return new Snapshot(names,
                get(composition, names, Slot.HSTS, HstsStore.class),
                get(composition, names, Slot.DNS, DnsResolver.class),
                get(composition, names, Slot.TCP, TcpConnector.class),
                get(composition, names, Slot.TLS, TlsClient.class),
                get(composition, names, Slot.CERT, CertificateValidator.class),
                get(composition, names, Slot.SESSION, SessionStore.class), false, false);
    }

    private static <T> T get(Composition composition, Map<Slot, String> names, Slot slot, Class<T> type)
            throws NavigationException {
        String impl = names.get(slot);
        return composition.service(slot, impl, type).orElseThrow(() -> new NavigationException(NetError.ERR_FAILED,
                "slot " + slot.key() + " is empty: implementation '" + impl + "' is not registered"
                        + " (its bundle is stopped or not installed); available: "
                        + String.join(", ", composition.implementations(slot))));
    }

    /** The same snapshot with another object in the {@code tcp} slot's place (a decorator of it). */
    Snapshot withTcp(TcpConnector decorated) {
        return new Snapshot(names, hsts, dns, decorated, tls, cert, session, ownDnsCache, ownSessions);
    }

    /**
     * The same composition with the DNS resolver and session store of {@code scope} in place of the
     * shared ones (see {@link NavigationScope}); unchanged when {@code scope} is null.
     */
    Snapshot in(NavigationScope scope) {
        if (scope == null) {
            return this;
        }
        DnsResolver scopedDns = scope.resolver(dns);
        SessionStore scopedSessions = scope.sessions(session);
        return new Snapshot(names, hsts, scopedDns, tcp, tls, cert, scopedSessions, scopedDns != dns, scopedSessions != session);
    }

    /** Slot name → implementation name, in slot order, for the result. */
    Map<String, String> namesForResult() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Slot slot : Slot.values()) {
            out.put(slot.key(), names.get(slot));
        }
        return out;
    }
}
