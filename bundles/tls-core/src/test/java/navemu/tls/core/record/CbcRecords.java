package navemu.tls.core.record;

import java.util.Arrays;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import navemu.tls.core.crypto.HashAlgorithm;

/**
 * MAC-then-encrypt CBC records (RFC 5246 §6.2.3.2) with a padding length of our choosing (0 to
 * 255), as a server may send them; our own writer always pads to the next block.
 */
final class CbcRecords {
    private CbcRecords() {
    }

    static TlsRecord macThenEncrypt(byte[] key, byte[] macKey, HashAlgorithm macHash, long seq, ContentType type,
                                    byte[] content, int padLength) {
        HMac hmac = new HMac(macHash.newDigest());
        hmac.init(new KeyParameter(macKey));
        byte[] header = new byte[13];
        for (int i = 0; i < 8; i++) {
            header[7 - i] = (byte) (seq >>> (8 * i));
        }
        header[8] = (byte) type.code();
        header[9] = 3;
        header[10] = 3;
        header[11] = (byte) (content.length >>> 8);
        header[12] = (byte) content.length;
        hmac.update(header, 0, header.length);
        hmac.update(content, 0, content.length);
        byte[] mac = new byte[macHash.length()];
        hmac.doFinal(mac, 0);
        int length = content.length + mac.length + padLength + 1;
        if (length % 16 != 0) {
            throw new IllegalArgumentException("content + MAC + padding of " + length + " bytes is not whole blocks");
        }
        byte[] plain = new byte[length];
        System.arraycopy(content, 0, plain, 0, content.length);
        System.arraycopy(mac, 0, plain, content.length, mac.length);
        Arrays.fill(plain, content.length + mac.length, length, (byte) padLength);
        return new TlsRecord(type, 0x0303, encrypt(key, plain));
    }

    /** A zero IV, then {@code plain} (whole blocks) under AES-CBC: any plaintext a peer with the keys could send. */
    static byte[] encrypt(byte[] key, byte[] plain) {
        byte[] iv = new byte[16];
        BufferedBlockCipher cipher = new BufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
        cipher.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] fragment = new byte[16 + plain.length];
        cipher.processBytes(plain, 0, plain.length, fragment, 16);
        return fragment;
    }
}
