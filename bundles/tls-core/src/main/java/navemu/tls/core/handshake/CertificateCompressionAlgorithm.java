package navemu.tls.core.handshake;

import java.util.List;

import navemu.tls.core.wire.WireWriter;

/**
 * The certificate compression algorithms of RFC 8879 §3 (IANA registry), and the
 * compress_certificate extension (type 27) a client offers them in:
 * {@code CertificateCompressionAlgorithm algorithms<2..2^8-2>;}. Chrome offers brotli only.
 */
public enum CertificateCompressionAlgorithm {
    ZLIB(1, "zlib"),
    BROTLI(2, "brotli"),
    ZSTD(3, "zstd");

    /** The compress_certificate extension's type (RFC 8879 §7.1). */
    public static final int EXTENSION_TYPE = 27;

    private final int code;
    private final String rfcName;

    CertificateCompressionAlgorithm(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }

    /** The algorithm with this code, or null. */
    public static CertificateCompressionAlgorithm of(int code) {
        for (CertificateCompressionAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }

    public static String nameOf(int code) {
        CertificateCompressionAlgorithm a = of(code);
        return a != null ? a.rfcName : "algorithm " + code;
    }

    /** The algorithm codes a compress_certificate extension offers (RFC 8879 §3). */
    public static List<Integer> decodeOffer(byte[] data) throws navemu.tls.core.alert.TlsAlertException {
        navemu.tls.core.wire.WireReader r = new navemu.tls.core.wire.WireReader(data, "compress_certificate");
        navemu.tls.core.wire.WireReader list = r.vector8("algorithms");
        r.expectEnd();
        List<Integer> out = new java.util.ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u16());
        }
        return out;
    }

    /** The compress_certificate extension offering {@code algorithms}, in this order. */
    public static Extension offer(List<CertificateCompressionAlgorithm> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("compress_certificate needs at least one algorithm (RFC 8879 §3)");
        }
        return new Extension(EXTENSION_TYPE, WireWriter.build(w -> w.vector8(list -> {
            for (CertificateCompressionAlgorithm a : algorithms) {
                list.u16(a.code);
            }
        })));
    }
}
