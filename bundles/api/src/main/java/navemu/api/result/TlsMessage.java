package navemu.api.result;

/**
 * One handshake message on the wire.
 *
 * @param dir    {@code C>S} or {@code S>C}
 * @param type   the RFC's name: ClientHello, ServerHello, EncryptedExtensions…
 * @param length bytes of the handshake message (header included)
 */
public record TlsMessage(String dir, String type, int length) {
    public static final String CLIENT_TO_SERVER = "C>S";
    public static final String SERVER_TO_CLIENT = "S>C";
}
