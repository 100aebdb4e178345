package navemu.api.tls;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sink for NSS key-log lines ({@code LABEL <client_random hex> <secret hex>}), the format
 * Wireshark reads to decrypt a capture.
 */
@ConsumerType
@FunctionalInterface
public interface KeyLog {

    void write(String label, byte[] clientRandom, byte[] secret);

    KeyLog NONE = (label, clientRandom, secret) -> { };
}
