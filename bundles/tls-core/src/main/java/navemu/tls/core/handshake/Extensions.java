package navemu.tls.core.handshake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * The bodies of the extensions this client sends and reads, one encode/decode pair per
 * extension, each citing the section that defines it.
 */
public final class Extensions {
    private Extensions() {
    }

    // ---- server_name (RFC 6066 §3) ---------------------------------------------------------

    /** {@code ServerNameList} with one host_name entry (name_type 0). */
    public static Extension serverName(String host) {
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        return new Extension(ExtensionType.SERVER_NAME,
                WireWriter.build(w -> w.vector16(list -> list.u8(0).opaque16(name))));
    }

    public static String decodeServerName(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "server_name");
        WireReader list = r.vector16("server_name_list");
        r.expectEnd();
        while (list.hasRemaining()) {
            int type = list.u8();
            byte[] name = list.opaque16();
            if (type == 0) {
                return new String(name, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    // ---- supported_versions (RFC 8446 §4.2.1) ------------------------------------------------

    /** ClientHello form: {@code ProtocolVersion versions<2..254>}. */
    public static Extension supportedVersions(int... versions) {
        return new Extension(ExtensionType.SUPPORTED_VERSIONS, WireWriter.build(w -> w.vector8(list -> {
            for (int v : versions) {
                list.u16(v);
            }
        })));
    }

    public static List<Integer> decodeSupportedVersionsOffer(byte[] data) throws TlsAlertException {
        return u16List(new WireReader(data, "supported_versions"), 1);
    }

    /** ServerHello / HelloRetryRequest form: {@code ProtocolVersion selected_version}. */
    public static int decodeSelectedVersion(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "supported_versions");
        int v = r.u16();
        r.expectEnd();
        return v;
    }

    public static Extension selectedVersion(int version) {
        return new Extension(ExtensionType.SUPPORTED_VERSIONS, WireWriter.build(w -> w.u16(version)));
    }

    // ---- supported_groups (RFC 8446 §4.2.7) --------------------------------------------------

    public static Extension supportedGroups(List<Integer> groups) {
        return new Extension(ExtensionType.SUPPORTED_GROUPS, u16Vector(groups));
    }

    public static List<Integer> decodeSupportedGroups(byte[] data) throws TlsAlertException {
        return u16List(new WireReader(data, "supported_groups"), 2);
    }

    // ---- signature_algorithms, signature_algorithms_cert (RFC 8446 §4.2.3) -----------------

    public static Extension signatureAlgorithms(List<Integer> schemes) {
        return new Extension(ExtensionType.SIGNATURE_ALGORITHMS, u16Vector(schemes));
    }

    public static List<Integer> decodeSignatureAlgorithms(byte[] data) throws TlsAlertException {
        return u16List(new WireReader(data, "signature_algorithms"), 2);
    }

    // ---- key_share (RFC 8446 §4.2.8) ---------------------------------------------------------

    /** ClientHello form: {@code KeyShareEntry client_shares<0..2^16-1>}. */
    public static Extension keyShareClientHello(List<KeyShareEntry> shares) {
        return new Extension(ExtensionType.KEY_SHARE, WireWriter.build(w -> w.vector16(list -> {
            for (KeyShareEntry e : shares) {
                e.encode(list);
            }
        })));
    }

    public static List<KeyShareEntry> decodeKeyShareClientHello(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "key_share");
        WireReader list = r.vector16("client_shares");
        r.expectEnd();
        List<KeyShareEntry> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(KeyShareEntry.decode(list));
        }
        return out;
    }

    /** ServerHello form: {@code KeyShareEntry server_share}. */
    public static KeyShareEntry decodeKeyShareServerHello(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "key_share");
        KeyShareEntry e = KeyShareEntry.decode(r);
        r.expectEnd();
        return e;
    }

    public static Extension keyShareServerHello(KeyShareEntry share) {
        return new Extension(ExtensionType.KEY_SHARE, WireWriter.build(share::encode));
    }

    /** HelloRetryRequest form: {@code NamedGroup selected_group}. */
    public static int decodeKeyShareHelloRetryRequest(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "key_share");
        int group = r.u16();
        r.expectEnd();
        return group;
    }

    public static Extension keyShareHelloRetryRequest(int group) {
        return new Extension(ExtensionType.KEY_SHARE, WireWriter.build(w -> w.u16(group)));
    }

    // ---- application_layer_protocol_negotiation (RFC 7301 §3.1) ------------------------------

    public static Extension alpn(List<String> protocols) {
        return new Extension(ExtensionType.ALPN, WireWriter.build(w -> w.vector16(list -> {
            for (String p : protocols) {
                list.opaque8(p.getBytes(StandardCharsets.US_ASCII));
            }
        })));
    }

    public static List<String> decodeAlpn(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "application_layer_protocol_negotiation");
        WireReader list = r.vector16("protocol_name_list");
        r.expectEnd();
        List<String> out = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] name = list.opaque8();
            if (name.length == 0) {
                throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty ALPN protocol name (RFC 7301 §3.1)");
            }
            out.add(new String(name, StandardCharsets.US_ASCII));
        }
        return out;
    }

    // ---- psk_key_exchange_modes (RFC 8446 §4.2.9) --------------------------------------------

    public static final int PSK_KE = 0;
    public static final int PSK_DHE_KE = 1;

    public static Extension pskKeyExchangeModes(int... modes) {
        return new Extension(ExtensionType.PSK_KEY_EXCHANGE_MODES, WireWriter.build(w -> w.vector8(list -> {
            for (int m : modes) {
                list.u8(m);
            }
        })));
    }

    // ---- status_request (RFC 6066 §8; in TLS 1.3 the answer rides in the Certificate entry, RFC 8446 §4.4.2.1)

    /** CertificateStatusRequest asking for OCSP with no responder ids and no request extensions. */
    public static Extension statusRequestOcsp() {
        return new Extension(ExtensionType.STATUS_REQUEST, new byte[] {1, 0, 0, 0, 0});
    }

    /** {@code CertificateStatus}: status_type ocsp(1), {@code opaque OCSPResponse<1..2^24-1>}. */
    public static byte[] decodeCertificateStatus(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "CertificateStatus");
        int type = r.u8();
        if (type != 1) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "CertificateStatus of unknown status_type " + type);
        }
        byte[] response = r.opaque24();
        r.expectEnd();
        if (response.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty OCSPResponse (RFC 6066 §8)");
        }
        return response;
    }

    public static byte[] certificateStatus(byte[] ocspResponse) {
        return WireWriter.build(w -> w.u8(1).opaque24(ocspResponse));
    }

    // ---- cookie (RFC 8446 §4.2.2) ------------------------------------------------------------

    public static Extension cookie(byte[] cookie) {
        return new Extension(ExtensionType.COOKIE, WireWriter.build(w -> w.opaque16(cookie)));
    }

    public static byte[] decodeCookie(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "cookie");
        byte[] c = r.opaque16();
        r.expectEnd();
        if (c.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty cookie (RFC 8446 §4.2.2: cookie<1..2^16-1>)");
        }
        return c;
    }

    // ---- early_data (RFC 8446 §4.2.10) -------------------------------------------------------

    /** ClientHello and EncryptedExtensions form: empty. */
    public static Extension earlyData() {
        return new Extension(ExtensionType.EARLY_DATA, new byte[0]);
    }

    /** NewSessionTicket form: {@code uint32 max_early_data_size}. */
    public static long decodeMaxEarlyDataSize(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "early_data");
        long v = r.u32();
        r.expectEnd();
        return v;
    }

    // ---- pre_shared_key (RFC 8446 §4.2.11) ---------------------------------------------------

    /** {@code struct { opaque identity<1..2^16-1>; uint32 obfuscated_ticket_age; } PskIdentity;} */
    public record PskIdentity(byte[] identity, long obfuscatedTicketAge) {
    }

    /**
     * ClientHello form: {@code OfferedPsks { PskIdentity identities<7..2^16-1>;
     * PskBinderEntry binders<33..2^16-1>; }}. It must be the last extension (§4.2.11); the
     * binders are computed over the ClientHello truncated before {@code binders}.
     */
    public static Extension preSharedKeyOffer(List<PskIdentity> identities, List<byte[]> binders) {
        return new Extension(ExtensionType.PRE_SHARED_KEY, WireWriter.build(w -> {
            w.vector16(list -> {
                for (PskIdentity id : identities) {
                    list.opaque16(id.identity()).u32(id.obfuscatedTicketAge());
                }
            });
            w.vector16(list -> {
                for (byte[] b : binders) {
                    list.opaque8(b);
                }
            });
        }));
    }

    /** The client's offer as parsed: identities and binders (for tests and test servers). */
    public record PskOffer(List<PskIdentity> identities, List<byte[]> binders) {
    }

    public static PskOffer decodePreSharedKeyOffer(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "pre_shared_key");
        WireReader ids = r.vector16("identities");
        WireReader binders = r.vector16("binders");
        r.expectEnd();
        List<PskIdentity> identities = new ArrayList<>();
        while (ids.hasRemaining()) {
            identities.add(new PskIdentity(ids.opaque16(), ids.u32()));
        }
        List<byte[]> list = new ArrayList<>();
        while (binders.hasRemaining()) {
            list.add(binders.opaque8());
        }
        if (identities.isEmpty() || identities.size() != list.size()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "pre_shared_key needs one binder per identity (RFC 8446 §4.2.11)");
        }
        return new PskOffer(identities, list);
    }

    /** Length of the binders list as encoded (2-byte prefix, then a 1-byte prefix per binder). */
    public static int bindersLength(List<byte[]> binders) {
        int n = 2;
        for (byte[] b : binders) {
            n += 1 + b.length;
        }
        return n;
    }

    /** ServerHello form: {@code uint16 selected_identity}. */
    public static int decodeSelectedIdentity(byte[] data) throws TlsAlertException {
        WireReader r = new WireReader(data, "pre_shared_key");
        int v = r.u16();
        r.expectEnd();
        return v;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static byte[] u16Vector(List<Integer> values) {
        return WireWriter.build(w -> w.vector16(list -> {
            for (int v : values) {
                list.u16(v);
            }
        }));
    }

    private static List<Integer> u16List(WireReader r, int prefixBytes) throws TlsAlertException {
        WireReader list = prefixBytes == 1 ? r.vector8("list") : r.vector16("list");
        r.expectEnd();
        if (list.remaining() % 2 != 0 || !list.hasRemaining()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "list of 16-bit values is empty or odd-length");
        }
        List<Integer> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u16());
        }
        return out;
    }
}
