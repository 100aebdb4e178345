package navemu.tls.core.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.GreaseValues;
import navemu.tls.core.wire.WireReader;

/**
 * The JA4 TLS client fingerprint (FoxIO's published JA4 specification) of one ClientHello, in
 * its four forms: {@link #ja4()}, {@link #ja4r()} (raw), {@link #ja4o()} and {@link #ja4ro()}
 * (original order). A JA4 is {@code a_b_c}:
 * <ul>
 * <li>a: {@code t} (TLS over TCP), the version (highest in supported_versions, else
 *     legacy_version: {@code 13}, {@code 12}, …), {@code d} with server_name or {@code i}
 *     without, the number of cipher suites and of extensions (two digits, at most 99), and the
 *     first and last character of the first ALPN protocol ({@code 00} when there is none);</li>
 * <li>b: the first 12 hex digits of the SHA-256 of the cipher suites, 4-digit lower-case hex,
 *     comma-separated, sorted;</li>
 * <li>c: the same of the sorted extensions without server_name and ALPN (they are in a), then
 *     {@code _} and the signature algorithms in the order sent.</li>
 * </ul>
 * GREASE values (RFC 8701) are left out everywhere. The original-order forms keep the order sent
 * and keep server_name and ALPN in the extension list; the raw forms show the lists instead of
 * their hashes. An empty list hashes to {@code 000000000000}.
 */
public final class Ja4 {
    private static final String EMPTY_HASH = "000000000000";
    private static final HexFormat HEX = HexFormat.of();

    private final String a;
    private final List<Integer> cipherSuites;
    private final List<Integer> extensions;
    private final List<Integer> signatureAlgorithms;

    private Ja4(String a, List<Integer> cipherSuites, List<Integer> extensions, List<Integer> signatureAlgorithms) {
        this.a = a;
        this.cipherSuites = cipherSuites;
        this.extensions = extensions;
        this.signatureAlgorithms = signatureAlgorithms;
    }

    /** The fingerprint of a ClientHello's handshake message body (without the 4-byte header). */
    public static Ja4 of(byte[] clientHelloBody) throws TlsAlertException {
        return of(ClientHello.decode(clientHelloBody));
    }

    public static Ja4 of(ClientHello hello) throws TlsAlertException {
        List<Integer> suites = withoutGrease(hello.cipherSuites());
        List<Integer> extensions = withoutGrease(hello.extensions().stream().map(Extension::type).toList());
        List<Integer> sigAlgs = List.of();
        Extension sigAlgsExt = hello.extension(ExtensionType.SIGNATURE_ALGORITHMS);
        if (sigAlgsExt != null) {
            sigAlgs = withoutGrease(u16List(sigAlgsExt.data(), "signature_algorithms"));
        }
        String a = "t" + version(hello) + (hello.extension(ExtensionType.SERVER_NAME) != null ? "d" : "i")
                + twoDigits(suites.size()) + twoDigits(extensions.size()) + alpn(hello.extension(ExtensionType.ALPN));
        return new Ja4(a, suites, extensions, sigAlgs);
    }

    /** {@code t13d1516h2_8daaf6152771_d8a2da3f94cd}: sorted lists, hashed. */
    public String ja4() {
        return a + "_" + hash(sortedSuites()) + "_" + hash(sortedExtensionsAndSigAlgs());
    }

    /** The raw form of {@link #ja4()}: the sorted lists themselves. */
    public String ja4r() {
        return a + "_" + sortedSuites() + "_" + sortedExtensionsAndSigAlgs();
    }

    /** Original order, server_name and ALPN kept, hashed. */
    public String ja4o() {
        return a + "_" + hash(hex(cipherSuites)) + "_" + hash(withSigAlgs(hex(extensions)));
    }

    /** The raw form of {@link #ja4o()}. */
    public String ja4ro() {
        return a + "_" + hex(cipherSuites) + "_" + withSigAlgs(hex(extensions));
    }

    @Override
    public String toString() {
        return ja4();
    }

    private String sortedSuites() {
        return hex(cipherSuites.stream().sorted().toList());
    }

    private String sortedExtensionsAndSigAlgs() {
        List<Integer> sorted = extensions.stream()
                .filter(t -> t != ExtensionType.SERVER_NAME && t != ExtensionType.ALPN)
                .sorted().toList();
        return withSigAlgs(hex(sorted));
    }

    /** "exts_sigalgs", or the extensions alone when no signature algorithms were sent. */
    private String withSigAlgs(String extensionList) {
        return signatureAlgorithms.isEmpty() ? extensionList : extensionList + "_" + hex(signatureAlgorithms);
    }

    private static String version(ClientHello hello) throws TlsAlertException {
        int version = hello.legacyVersion();
        Extension supported = hello.extension(ExtensionType.SUPPORTED_VERSIONS);
        if (supported != null) {
            WireReader r = new WireReader(supported.data(), "supported_versions");
            WireReader list = r.vector8("versions");
            int highest = -1;
            while (list.hasRemaining()) {
                int v = list.u16();
                if (!GreaseValues.isGrease(v)) {
                    highest = Math.max(highest, v);
                }
            }
            if (highest >= 0) {
                version = highest;
            }
        }
        switch (version) {
            case 0x0304: return "13";
            case 0x0303: return "12";
            case 0x0302: return "11";
            case 0x0301: return "10";
            case 0x0300: return "s3";
            case 0x0002: return "s2";
            case 0xfeff: return "d1";
            case 0xfefd: return "d2";
            case 0xfefc: return "d3";
            default: return "00";
        }
    }

    /** The first and last character of the first ALPN protocol; their hex digits if either byte is not a letter or digit. */
    private static String alpn(Extension alpn) throws TlsAlertException {
        if (alpn == null) {
            return "00";
        }
        WireReader r = new WireReader(alpn.data(), "application_layer_protocol_negotiation");
        WireReader list = r.vector16("protocol_name_list");
        if (!list.hasRemaining()) {
            return "00";
        }
        byte[] first = list.opaque8();
        if (first.length == 0) {
            return "00";
        }
        int head = first[0] & 0xff;
        int tail = first[first.length - 1] & 0xff;
        if (alphanumeric(head) && alphanumeric(tail)) {
            return "" + (char) head + (char) tail;
        }
        String hex = HexFormat.of().formatHex(first);
        return "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
    }

    private static boolean alphanumeric(int b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    private static List<Integer> u16List(byte[] data, String what) throws TlsAlertException {
        WireReader r = new WireReader(data, what);
        WireReader list = r.vector16(what);
        List<Integer> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u16());
        }
        return out;
    }

    private static List<Integer> withoutGrease(List<Integer> values) {
        return values.stream().filter(v -> !GreaseValues.isGrease(v)).toList();
    }

    /** A count as two decimal digits, capped at 99 (the spec's {@code %02d} of at most 99). */
    private static String twoDigits(int count) {
        int capped = Math.min(count, 99);
        return capped < 10 ? "0" + capped : Integer.toString(capped);
    }

    /**
     * Each value as 4 lower-case hex digits, comma-separated. HexFormat rather than
     * {@code String.format("%04x")}: every handshake of the default client fingerprints its hello,
     * and a Formatter per value (a pattern match and its parse each time) was most of what a
     * navigation allocated outside the crypto and the JSON line.
     */
    private static String hex(List<Integer> values) {
        StringBuilder out = new StringBuilder(values.size() * 5);
        for (int value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(HEX.toHexDigits((short) value)); // a u16: its low 16 bits are all of it
        }
        return out.toString();
    }

    /** The first 12 hex digits of SHA-256, or twelve zeros for an empty list. */
    private static String hash(String list) {
        if (list.isEmpty()) {
            return EMPTY_HASH;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(list.getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
