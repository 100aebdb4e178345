package navemu.tls.core.record;

/**
 * The write key and IV of one direction (RFC 8446 §7.3): {@code [sender]_write_key} and
 * {@code [sender]_write_iv}.
 */
public record TrafficKeys(byte[] key, byte[] iv) {

    public TrafficKeys {
        key = key.clone();
        iv = iv.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }
}
