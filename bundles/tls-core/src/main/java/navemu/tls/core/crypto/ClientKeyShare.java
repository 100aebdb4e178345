package navemu.tls.core.crypto;

import java.security.SecureRandom;

import navemu.tls.core.alert.TlsAlertException;

/**
 * What a client needs from one key_share it offers (RFC 8446 §4.2.8), whatever the group is made
 * of: the bytes to send, and the shared secret the server's answer gives. A Diffie-Hellman group
 * and a KEM look the same from here: for a KEM the client's "public key" is an encapsulation key
 * and the server's answer a ciphertext (draft-ietf-tls-ecdhe-mlkem). A malformed answer is a
 * {@link TlsAlertException} with illegal_parameter.
 */
public interface ClientKeyShare {

    /** A fresh key share for {@code group}: the group's kind decides which key exchange makes it. */
    static ClientKeyShare generate(NamedGroup group, SecureRandom random) {
        return group.isHybrid() ? X25519MlKem768KeyExchange.generate(random) : EphemeralKeyExchange.generate(group, random);
    }

    /** The NamedGroup codepoint this share is for. */
    int groupCode();

    /** The group's name in the IANA registry, e.g. {@code X25519MLKEM768}. */
    String groupName();

    /** The key_exchange bytes of our KeyShareEntry. */
    byte[] publicKey();

    /** The secret for the key schedule from the server's key_exchange bytes. */
    byte[] sharedSecret(byte[] serverShare) throws TlsAlertException;
}
