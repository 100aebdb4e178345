package navemu.tls.core.client;

import java.security.SecureRandom;
import java.util.Arrays;

import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.crypto.Tls12Prf;
import navemu.tls.core.record.RecordProtection;
import navemu.tls.core.record.Tls12AeadProtection;
import navemu.tls.core.record.Tls12CbcProtection;

/**
 * TLS 1.2's key_block (RFC 5246 §6.3): PRF(master_secret, "key expansion", server_random +
 * client_random) cut into each side's MAC key, write key and fixed IV, and the record protection
 * each direction gets from them (AEAD, or MAC-then-encrypt / encrypt-then-MAC CBC).
 */
record Tls12KeyBlock(int length, byte[] clientMac, byte[] serverMac, byte[] clientKey, byte[] serverKey,
                     byte[] clientIv, byte[] serverIv) {

    static Tls12KeyBlock derive(Tls12Prf prf, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom,
                                Tls12CipherSuite suite) {
        byte[] block = prf.keyBlock(masterSecret, clientRandom, serverRandom, suite.keyBlockLength());
        int mac = suite.macKeyLength();
        int key = suite.encryptionKeyLength();
        int iv = suite.fixedIvLength();
        int at = 0;
        byte[] clientMac = Arrays.copyOfRange(block, at, at += mac);
        byte[] serverMac = Arrays.copyOfRange(block, at, at += mac);
        byte[] clientKey = Arrays.copyOfRange(block, at, at += key);
        byte[] serverKey = Arrays.copyOfRange(block, at, at += key);
        byte[] clientIv = Arrays.copyOfRange(block, at, at += iv);
        byte[] serverIv = Arrays.copyOfRange(block, at, at += iv);
        return new Tls12KeyBlock(block.length, clientMac, serverMac, clientKey, serverKey, clientIv, serverIv);
    }

    /** What protects the records we send. */
    RecordProtection clientWrite(Tls12CipherSuite suite, boolean encryptThenMac, SecureRandom random) {
        return suite.isCbc() ? new Tls12CbcProtection(clientKey, clientMac, suite.macHash(), encryptThenMac, random)
                : new Tls12AeadProtection(suite.aead(), clientKey, clientIv);
    }

    /** What opens the records the server sends. */
    RecordProtection serverRead(Tls12CipherSuite suite, boolean encryptThenMac, SecureRandom random) {
        return suite.isCbc() ? new Tls12CbcProtection(serverKey, serverMac, suite.macHash(), encryptThenMac, random)
                : new Tls12AeadProtection(suite.aead(), serverKey, serverIv);
    }
}
