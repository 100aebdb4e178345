package navemu.tls.core.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireWriter;

/**
 * CompressedCertificate (RFC 8879) with brotli: a real Certificate message compressed by the
 * {@code brotli} tool (fixtures and how they were made: src/test/resources/certcompression), and
 * the ways a server can get it wrong.
 */
class CompressedCertificateTest {
    private static final Set<Integer> BROTLI_OFFERED = Set.of(CertificateCompressionAlgorithm.BROTLI.code());

    @Test
    void aBrotliCertificateComesOutAsTheCertificateMessageItCompressed() throws Exception {
        byte[] plain = fixture("certificate.bin");
        CompressedCertificate message = new CompressedCertificate(2, plain.length, fixture("certificate.bin.br"));
        CompressedCertificate decoded = CompressedCertificate.decode(message.toMessage().body());

        assertArrayEquals(plain, decoded.decompress(BROTLI_OFFERED));
        CertificateMessage certificate = decoded.certificate(BROTLI_OFFERED);
        assertEquals(1, certificate.entries().size());
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.chain().get(0)));
        assertEquals("CN=compressed.lab.test", leaf.getSubjectX500Principal().getName());
    }

    @Test
    void anAlgorithmWeDidNotOfferIsAnIllegalParameter() throws Exception {
        byte[] plain = fixture("certificate.bin");
        CompressedCertificate zlib = new CompressedCertificate(1, plain.length, fixture("certificate.bin.br"));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, alert(() -> zlib.decompress(BROTLI_OFFERED)));
        CompressedCertificate unknown = new CompressedCertificate(0x4242, plain.length, fixture("certificate.bin.br"));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, alert(() -> unknown.decompress(BROTLI_OFFERED)));
    }

    @Test
    void outputLongerThanDeclaredIsRefusedWithoutDecompressingItAll() throws Exception {
        // 1 MiB of zeros in 14 bytes, declared as 1000 bytes: refused after byte 1001, not after a megabyte.
        CompressedCertificate bomb = new CompressedCertificate(2, 1000, fixture("zeros-1mib.bin.br"));
        assertEquals(AlertDescription.BAD_CERTIFICATE, alert(() -> bomb.decompress(BROTLI_OFFERED)));
        byte[] plain = fixture("certificate.bin");
        CompressedCertificate shortDeclared = new CompressedCertificate(2, plain.length - 1, fixture("certificate.bin.br"));
        assertEquals(AlertDescription.BAD_CERTIFICATE, alert(() -> shortDeclared.decompress(BROTLI_OFFERED)));
    }

    @Test
    void outputShorterThanDeclaredIsABadCertificate() throws Exception {
        byte[] plain = fixture("certificate.bin");
        CompressedCertificate longDeclared = new CompressedCertificate(2, plain.length + 1, fixture("certificate.bin.br"));
        assertEquals(AlertDescription.BAD_CERTIFICATE, alert(() -> longDeclared.decompress(BROTLI_OFFERED)));
    }

    @Test
    void aDeclaredLengthAboveWhatThisClientAcceptsIsRefusedBeforeDecompressing() throws Exception {
        // Even the whole 1 MiB would decompress to exactly this length: the claim alone is too big.
        CompressedCertificate big = new CompressedCertificate(2, 1 << 20, fixture("zeros-1mib.bin.br"));
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> big.decompress(BROTLI_OFFERED));
        assertEquals(AlertDescription.BAD_CERTIFICATE, e.alert());
        assertEquals(true, e.getMessage().contains("more than this client accepts"), e.getMessage());
    }

    @Test
    void aStreamThatIsNotBrotliOrIsCutShortIsABadCertificate() throws Exception {
        byte[] plain = fixture("certificate.bin");
        byte[] compressed = fixture("certificate.bin.br");
        CompressedCertificate cut = new CompressedCertificate(2, plain.length, Arrays.copyOf(compressed, compressed.length / 2));
        assertEquals(AlertDescription.BAD_CERTIFICATE, alert(() -> cut.decompress(BROTLI_OFFERED)));
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xff);
        CompressedCertificate notBrotli = new CompressedCertificate(2, plain.length, garbage);
        assertEquals(AlertDescription.BAD_CERTIFICATE, alert(() -> notBrotli.decompress(BROTLI_OFFERED)));
    }

    @Test
    void theMessageFramingIsChecked() {
        // An empty compressed_certificate_message (<1..2^24-1>), and a trailing byte.
        byte[] empty = WireWriter.build(w -> w.u16(2).u24(10).opaque24(new byte[0]));
        assertEquals(AlertDescription.DECODE_ERROR, alert(() -> CompressedCertificate.decode(empty)));
        byte[] trailing = WireWriter.build(w -> w.u16(2).u24(10).opaque24(new byte[] {1}).u8(0));
        assertEquals(AlertDescription.DECODE_ERROR, alert(() -> CompressedCertificate.decode(trailing)));
    }

    @Test
    void theClientOffersItsAlgorithmsInTheCompressCertificateExtension() {
        Extension offer = CertificateCompressionAlgorithm.offer(List.of(CertificateCompressionAlgorithm.BROTLI));
        assertEquals(27, offer.type());
        assertArrayEquals(new byte[] {2, 0, 2}, offer.data()); // Chrome's: brotli only
    }

    private interface Step {
        void run() throws Exception;
    }

    private static AlertDescription alert(Step step) {
        return assertThrows(TlsAlertException.class, step::run).alert();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = CompressedCertificateTest.class.getResourceAsStream("/certcompression/" + name)) {
            return in.readAllBytes();
        }
    }
}
