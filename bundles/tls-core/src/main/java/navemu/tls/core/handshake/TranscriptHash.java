package navemu.tls.core.handshake;

import java.io.ByteArrayOutputStream;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.util.Memoable;

import navemu.tls.core.crypto.HashAlgorithm;

/**
 * The running hash of the handshake messages (RFC 8446 §4.4.1). The hash function is only known
 * once the server picks a cipher suite, so messages are buffered until {@link #useHash}.
 */
public final class TranscriptHash {
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private HashAlgorithm hash;
    private Digest digest;

    /** Adds one handshake message, header included, exactly as sent or received. */
    public void add(byte[] encodedMessage) {
        if (digest == null) {
            pending.writeBytes(encodedMessage);
        } else {
            digest.update(encodedMessage, 0, encodedMessage.length);
        }
    }

    public void add(HandshakeMessage message) {
        add(message.encode());
    }

    /** Fixes the hash (the cipher suite's) and hashes what was buffered. */
    public void useHash(HashAlgorithm chosen) {
        if (hash != null) {
            if (hash != chosen) {
                throw new IllegalStateException("transcript hash already " + hash + ", cannot become " + chosen);
            }
            return;
        }
        hash = chosen;
        digest = chosen.newDigest();
        byte[] buffered = pending.toByteArray();
        digest.update(buffered, 0, buffered.length);
        pending = null;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    /** Transcript-Hash of everything added so far; the running state is not disturbed. */
    public byte[] current() {
        if (digest == null) {
            throw new IllegalStateException("the transcript hash is not chosen yet");
        }
        Digest copy = (Digest) ((Memoable) digest).copy();
        byte[] out = new byte[hash.length()];
        copy.doFinal(out, 0);
        return out;
    }

    /**
     * Transcript-Hash of everything added so far followed by {@code more}, without adding it:
     * the PSK binder's hash over a truncated ClientHello (RFC 8446 §4.2.11.2).
     */
    public byte[] currentWith(byte[] more) {
        if (digest == null) {
            throw new IllegalStateException("the transcript hash is not chosen yet");
        }
        Digest copy = (Digest) ((Memoable) digest).copy();
        copy.update(more, 0, more.length);
        byte[] out = new byte[hash.length()];
        copy.doFinal(out, 0);
        return out;
    }

    /**
     * After a HelloRetryRequest (RFC 8446 §4.4.1) the first ClientHello is replaced by a
     * synthetic message_hash message: {@code 254, 00 00 Hash.length, Hash(ClientHello1)}.
     * Call after {@link #useHash} and before adding the HelloRetryRequest.
     */
    public void replaceWithMessageHash() {
        byte[] hashOfClientHello1 = current();
        digest = hash.newDigest();
        add(HandshakeMessage.of(HandshakeType.MESSAGE_HASH, hashOfClientHello1));
    }
}
