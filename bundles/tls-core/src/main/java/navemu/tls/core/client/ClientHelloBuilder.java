package navemu.tls.core.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import navemu.api.host.Host;
import navemu.api.session.StoredSession;
import navemu.tls.core.crypto.ClientKeyShare;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.handshake.ProtocolVersion;

/**
 * The one place a ClientHello is put together: the TLS 1.3 offer (RFC 8446 §4.1.2) with its key
 * shares, what a client that offers TLS 1.2 too adds, the order of the extensions, the second
 * ClientHello a HelloRetryRequest asks for, and the TLS 1.2-only hello (RFC 5246 §7.4.1.2). The
 * PSK offer (always last, §4.2.11) is added by {@link Tls13Resumption} on the hello built here.
 */
final class ClientHelloBuilder {
    /**
     * What a client that also offers TLS 1.2 adds: its cipher suites (after TLS 1.3's), its
     * extensions (each type once: ours win; they go before psk_key_exchange_modes) and the
     * session id of a TLS 1.2 session it resumes (empty: none).
     */
    record Tls12Offer(List<Integer> cipherSuites, List<Extension> extensions, byte[] sessionId) {
    }

    private final Tls13ClientConfig config;
    private final String sni;
    private final List<String> alpn;
    /** Our ephemeral keys, one per key share sent, by group: the ServerHello's share picks one. */
    private final Map<NamedGroup, ClientKeyShare> keyShares = new LinkedHashMap<>();

    /** Chrome's GREASE, extra extensions and permuted order, or null for a textbook hello. */
    private final ChromeHelloShape chrome;

    ClientHelloBuilder(Tls13ClientConfig config, String sni, List<String> alpn, ChromeHelloShape chrome) {
        this.config = config;
        this.sni = sni;
        this.alpn = alpn;
        this.chrome = chrome;
    }

    /**
     * SNI carries DNS names only, never IP literals (RFC 6066 §3), in A-labels with no trailing
     * dot; the URL's host parser decides which is which ({@code 1.2.3} is an address). Null: no
     * server_name is sent.
     */
    static String serverName(String host) {
        return host == null ? null : Host.serverNameFor(host).orElse(null);
    }

    /** A fresh 32-byte value: the client random, or a legacy_session_id. */
    byte[] fresh32() {
        byte[] value = new byte[32];
        config.random().nextBytes(value);
        return value;
    }

    /**
     * The first ClientHello. A non-empty legacy_session_id puts us in middlebox compatibility
     * mode (§D.4): a fresh one unless a TLS 1.2 session is resumed.
     *
     * @param versions  supported_versions, most preferred first
     * @param tls12     what the TLS 1.2 offer adds, or null for a TLS 1.3-only hello
     * @param earlyData whether to offer 0-RTT ({@link EarlyData#mayOffer})
     */
    ClientHello first(byte[] random, int[] versions, Tls12Offer tls12, boolean earlyData) {
        byte[] sessionId = tls12 != null && tls12.sessionId().length > 0 ? tls12.sessionId() : fresh32();
        List<KeyShareEntry> shares = new ArrayList<>();
        for (NamedGroup g : config.keyShareGroups()) {
            shares.add(newKeyShare(g));
        }
        List<Integer> groups = codes(config.supportedGroups(), NamedGroup::code);
        List<Extension> ext = new ArrayList<>();
        if (sni != null) {
            ext.add(Extensions.serverName(sni));
        }
        ext.add(Extensions.supportedVersions(chrome == null ? versions : chrome.versions(versions)));
        ext.add(Extensions.supportedGroups(chrome == null ? groups : chrome.groups(groups)));
        ext.add(Extensions.keyShareClientHello(chrome == null ? shares : chrome.keyShares(shares)));
        ext.add(Extensions.signatureAlgorithms(codes(config.signatureAlgorithms(), SignatureScheme::code)));
        if (!alpn.isEmpty()) {
            ext.add(Extensions.alpn(alpn));
        }
        ext.add(Extensions.statusRequestOcsp());
        for (Extension extra : tls12 == null ? List.<Extension>of() : tls12.extensions()) {
            if (Extension.find(ext, extra.type()) == null) {
                ext.add(extra);
            }
        }
        if (earlyData) {
            ext.add(Extensions.earlyData());
        }
        // psk_dhe_ke only: a resumed session still gets forward secrecy (§4.2.9).
        ext.add(Extensions.pskKeyExchangeModes(Extensions.PSK_DHE_KE));
        List<Integer> suites = new ArrayList<>(codes(config.cipherSuites(), Tls13CipherSuite::code));
        if (tls12 != null) {
            suites.addAll(tls12.cipherSuites());
        }
        return new ClientHello(ProtocolVersion.TLS12, random, sessionId, chrome == null ? suites : chrome.cipherSuites(suites),
                new byte[] {0}, chrome == null ? ext : chrome.extensions(ext, alpn));
    }

    /**
     * The second ClientHello (§4.1.2, §4.1.4): the first without early_data, with a key share for
     * the group the HelloRetryRequest asked for (our earlier shares are forgotten) and its cookie
     * echoed. Either may be null.
     */
    ClientHello second(ClientHello first, NamedGroup wantedGroup, byte[] cookie) {
        ClientHello second = first.withoutExtension(ExtensionType.EARLY_DATA);
        if (wantedGroup != null) {
            keyShares.clear();
            second = second.withExtension(Extensions.keyShareClientHello(List.of(newKeyShare(wantedGroup))));
        }
        if (cookie != null) {
            second = second.withExtension(Extensions.cookie(cookie));
        }
        return second;
    }

    /** The code points of what the config lists, in its order (a plain loop: three streams per hello showed in the profile). */
    private static <T> List<Integer> codes(List<T> items, ToIntFunction<T> code) {
        Integer[] codes = new Integer[items.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = code.applyAsInt(items.get(i));
        }
        return List.of(codes);
    }

    private KeyShareEntry newKeyShare(NamedGroup group) {
        ClientKeyShare kx = ClientKeyShare.generate(group, config.random());
        keyShares.put(group, kx);
        return new KeyShareEntry(group.code(), kx.publicKey());
    }

    /** Our key for {@code group}, or null when we sent no share for it. */
    ClientKeyShare keyShare(NamedGroup group) {
        return keyShares.get(group);
    }

    List<NamedGroup> keyShareGroups() {
        return List.copyOf(keyShares.keySet());
    }

    // ---- TLS 1.2 (RFC 5246 §7.4.1.2) ---------------------------------------------------------

    /** The TLS 1.2-only ClientHello, offering {@code offered} (a stored session, or null). */
    static ClientHello tls12Only(Tls12ClientConfig config, byte[] random, byte[] sessionId, String sni, List<String> alpn,
                                 StoredSession offered) {
        return new ClientHello(ProtocolVersion.TLS12, random, sessionId,
                config.cipherSuites().stream().map(Tls12CipherSuite::code).toList(), new byte[] {0},
                tls12Extensions(config, sni, alpn, offered));
    }

    /** The TLS 1.2 extensions of a ClientHello (the browser client adds its TLS 1.3 ones to these). */
    static List<Extension> tls12Extensions(Tls12ClientConfig config, String sni, List<String> alpn, StoredSession offered) {
        List<Extension> ext = new ArrayList<>();
        if (sni != null) {
            ext.add(Extensions.serverName(sni));
        }
        ext.add(new Extension(ExtensionType.EXTENDED_MASTER_SECRET, new byte[0]));
        // An empty renegotiated_connection: we support secure renegotiation's signalling (RFC 5746 §3.4).
        ext.add(new Extension(ExtensionType.RENEGOTIATION_INFO, new byte[] {0}));
        ext.add(new Extension(ExtensionType.SESSION_TICKET,
                offered != null && offered.ticket() != null ? offered.ticket().clone() : new byte[0]));
        if (config.offersEcdhe()) {
            ext.add(Extensions.supportedGroups(config.supportedGroups().stream().map(NamedGroup::code).toList()));
            ext.add(new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, 0})); // uncompressed only (RFC 8422 §5.1.2)
        }
        ext.add(Extensions.signatureAlgorithms(config.signatureAlgorithms().stream().map(SignatureScheme::code).toList()));
        if (!alpn.isEmpty()) {
            ext.add(Extensions.alpn(alpn));
        }
        ext.add(Extensions.statusRequestOcsp());
        if (config.offersEncryptThenMac()) {
            ext.add(new Extension(ExtensionType.ENCRYPT_THEN_MAC, new byte[0]));
        }
        return ext;
    }
}
