package navemu.api.tls;

/**
 * A sink for NSS key-log lines ({@code LABEL <client_random hex> <secret hex>}), the format
 * Wireshark reads to decrypt a capture.
 */
@FunctionalInterface
public interface KeyLog {

    void write(String label, byte[] clientRandom, byte[] secret);

    KeyLog NONE = (label, clientRandom, secret) -> { };
}
