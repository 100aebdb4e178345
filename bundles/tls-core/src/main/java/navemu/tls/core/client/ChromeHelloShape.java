package navemu.tls.core.client;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import navemu.tls.core.handshake.CertificateCompressionAlgorithm;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.GreaseValues;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.wire.WireWriter;

/**
 * What makes the browser client's ClientHello look like Chrome's beyond its lists (which are in
 * {@link BrowserClient#defaults()}), for one connection:
 * <ul>
 * <li>GREASE (RFC 8701) first among the cipher suites, supported_groups, supported_versions and
 *     key shares (a one-byte share, as BoringSSL sends), and two GREASE extensions: an empty one
 *     first and a one-byte one last;</li>
 * <li>the extensions Chrome adds: signed_certificate_timestamp (RFC 6962 §3.3.1, empty),
 *     compress_certificate offering brotli (RFC 8879), ECH GREASE ({@link #echGrease()}) and,
 *     when ALPN offers h2, application_settings ({@link ApplicationSettings});</li>
 * <li>the extensions between the two GREASE ones in an order drawn per connection (Chrome's
 *     extension permutation, so servers cannot rely on an order); pre_shared_key, when a ticket
 *     is offered, stays last after them (RFC 8446 §4.2.11).</li>
 * </ul>
 * BoringSSL keeps GREASE values and order for the second ClientHello after a HelloRetryRequest;
 * that hello is the first with its key_share replaced in place (see {@link ClientHelloBuilder#second}).
 */
final class ChromeHelloShape {
    private final GreaseValues grease;
    private final SecureRandom random;

    ChromeHelloShape(GreaseValues grease, SecureRandom random) {
        this.grease = grease;
        this.random = random;
    }

    static ChromeHelloShape newConnection(SecureRandom random) {
        return new ChromeHelloShape(GreaseValues.choose(random), random);
    }

    List<Integer> cipherSuites(List<Integer> suites) {
        return prepend(grease.cipherSuite(), suites);
    }

    List<Integer> groups(List<Integer> groups) {
        return prepend(grease.group(), groups);
    }

    int[] versions(int[] versions) {
        int[] out = new int[versions.length + 1];
        out[0] = grease.version();
        System.arraycopy(versions, 0, out, 1, versions.length);
        return out;
    }

    List<KeyShareEntry> keyShares(List<KeyShareEntry> shares) {
        List<KeyShareEntry> out = new ArrayList<>();
        out.add(new KeyShareEntry(grease.group(), new byte[] {0}));
        out.addAll(shares);
        return out;
    }

    /** Chrome's extra extensions added, the order permuted, the GREASE extensions around it all. */
    List<Extension> extensions(List<Extension> extensions, List<String> alpn) {
        List<Extension> middle = new ArrayList<>(extensions);
        middle.add(new Extension(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, new byte[0]));
        middle.add(CertificateCompressionAlgorithm.offer(List.of(CertificateCompressionAlgorithm.BROTLI)));
        middle.add(echGrease());
        Extension alps = ApplicationSettings.offer(alpn);
        if (alps != null) {
            middle.add(alps);
        }
        Collections.shuffle(middle, random);
        List<Extension> out = new ArrayList<>();
        out.add(new Extension(grease.firstExtension(), new byte[0]));
        out.addAll(middle);
        out.add(new Extension(grease.secondExtension(), new byte[] {0}));
        return out;
    }

    /**
     * ECH GREASE (draft-ietf-tls-esni §6.2), as BoringSSL makes it when it has no ECH config: an
     * outer ClientHello extension with HKDF-SHA256 / AES-128-GCM, a random config_id, a 32-byte
     * enc (an X25519 public key's size) and a random payload of 32·(4…7) bytes plus the AEAD's
     * 16-byte tag (144, 176, 208 or 240), so it cannot be told from real ECH by its length.
     */
    Extension echGrease() {
        byte[] enc = new byte[32];
        random.nextBytes(enc);
        byte[] payload = new byte[32 * (4 + random.nextInt(4)) + 16];
        random.nextBytes(payload);
        int configId = random.nextInt(256);
        return new Extension(ExtensionType.ENCRYPTED_CLIENT_HELLO, WireWriter.build(w -> {
            w.u8(0); // ECHClientHelloType outer
            w.u16(0x0001).u16(0x0001); // HpkeSymmetricCipherSuite: HKDF-SHA256, AES-128-GCM
            w.u8(configId);
            w.opaque16(enc);
            w.opaque16(payload);
        }));
    }

    private static List<Integer> prepend(int first, List<Integer> rest) {
        List<Integer> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
