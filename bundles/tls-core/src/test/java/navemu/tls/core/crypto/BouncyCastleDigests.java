package navemu.tls.core.crypto;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** Bouncy Castle's own portable digests: what the tests compare {@link HashAlgorithm}'s results with. */
final class BouncyCastleDigests {

    private BouncyCastleDigests() {
    }

    static ExtendedDigest of(HashAlgorithm hash) {
        switch (hash) {
            case SHA1: return new SHA1Digest();
            case SHA256: return new SHA256Digest();
            case SHA384: return new SHA384Digest();
            default: return new SHA512Digest();
        }
    }
}
