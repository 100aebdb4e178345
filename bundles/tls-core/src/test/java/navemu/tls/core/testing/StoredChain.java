package navemu.tls.core.testing;

import java.time.Instant;
import java.util.List;

import navemu.api.session.SessionCertificate;

/**
 * The certificate part of a session a test puts in the store by hand: without one a session is
 * never offered (it could not be re-validated). The chain is a placeholder; tests that resume for
 * real take the session a real handshake stored.
 */
public final class StoredChain {

    private StoredChain() {
    }

    /** A placeholder chain, judged problem-free by the test's own validator. */
    public static SessionCertificate placeholder() {
        return new SessionCertificate(List.of(new byte[] {0x30, 0x00}), null, "ECDHE", "test", "accepted (test)", Instant.now());
    }
}
