package navemu.tls.core.client;

import java.util.List;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.handshake.EncryptedExtensions;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.HandshakeMessage;

/**
 * ALPS, Application-Layer Protocol Settings (draft-vvv-tls-alps), as Chrome 143 uses it, under
 * its new codepoint 17613 (0x44cd):
 * <ul>
 * <li>the ClientHello's application_settings lists the ALPN protocols the client has settings
 *     for, in the ALPN extension's format: for Chrome that is HTTP/2 alone, so with no h2 in ALPN
 *     there is no ALPS at all;</li>
 * <li>a TLS 1.3 server that agrees answers in its EncryptedExtensions with its own settings for
 *     the protocol ALPN selected (opaque here; for h2 they are HTTP/2 frames the HTTP layer reads);</li>
 * <li>the client then sends its settings in an EncryptedExtensions message of its own (handshake
 *     type 8 the other way), under the client handshake traffic key, after the server's Finished
 *     and before its own Certificate and Finished, in the transcript like any other message
 *     (BoringSSL's {@code do_send_client_encrypted_extensions}). None is sent when 0-RTT data was
 *     accepted: the settings are then the resumed session's.</li>
 * </ul>
 * Chrome's own settings for h2 are empty: Chromium's {@code http_network_session.cc} enables ALPS
 * for HTTP/2 "with empty data", and its HTTP/2 SETTINGS go in the first HTTP/2 frame instead.
 */
final class ApplicationSettings {
    /** The ALPN protocols Chrome has settings for. */
    static final List<String> PROTOCOLS_WITH_SETTINGS = List.of("h2");
    /** What Chrome sends as its settings for h2: nothing. */
    private static final byte[] CHROME_H2_SETTINGS = new byte[0];

    private ApplicationSettings() {
    }

    /** The ClientHello's application_settings for {@code alpn}, or null when none of it has settings. */
    static Extension offer(List<String> alpn) {
        List<String> withSettings = alpn.stream().filter(PROTOCOLS_WITH_SETTINGS::contains).toList();
        if (withSettings.isEmpty()) {
            return null;
        }
        return new Extension(ExtensionType.APPLICATION_SETTINGS, Extensions.alpn(withSettings).data());
    }

    /**
     * The server's answer in its EncryptedExtensions: legal only beside an ALPN selection, for a
     * protocol we offered settings for (a server cannot send settings for a protocol it did not
     * select, nor one we have none for). Returns the server's settings.
     */
    static byte[] serverAnswer(Extension answer, String selectedAlpn) throws TlsAlertException {
        if (selectedAlpn == null) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server sent application_settings (ALPS) without selecting an ALPN protocol (draft-vvv-tls-alps)");
        }
        if (!PROTOCOLS_WITH_SETTINGS.contains(selectedAlpn)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server sent application_settings (ALPS) for "
                    + selectedAlpn + ", a protocol we offered no settings for (draft-vvv-tls-alps)");
        }
        return answer.data().clone();
    }

    /** Our settings for {@code protocol}, one of {@link #PROTOCOLS_WITH_SETTINGS}. */
    static byte[] ourSettings(String protocol) {
        if (!PROTOCOLS_WITH_SETTINGS.contains(protocol)) {
            throw new IllegalStateException("no application settings for " + protocol);
        }
        return CHROME_H2_SETTINGS.clone();
    }

    /**
     * Our EncryptedExtensions, carrying our settings for {@code protocol} (the one ALPN selected):
     * one application_settings extension whose body is the settings as they are.
     */
    static HandshakeMessage clientEncryptedExtensions(String protocol) {
        return new EncryptedExtensions(List.of(new Extension(ExtensionType.APPLICATION_SETTINGS, ourSettings(protocol))))
                .toMessage();
    }
}
