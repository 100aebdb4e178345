package navemu.tls.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.AeadAlgorithm;

/** TLS 1.2 AEAD records (RFC 5246 §6.2.3.3): additional_data carries the record's own version. */
class Tls12AeadProtectionTest {

    private static Tls12AeadProtection protection(AeadAlgorithm aead) {
        return new Tls12AeadProtection(aead, new byte[aead.keyLength()], new byte[Tls12AeadProtection.fixedIvLength(aead)]);
    }

    @ParameterizedTest
    @EnumSource(value = AeadAlgorithm.class, names = {"AES_128_GCM", "CHACHA20_POLY1305"})
    void aRecordRoundTrips(AeadAlgorithm aead) throws Exception {
        TlsRecord wire = protection(aead).protect(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, protection(aead).unprotect(wire).fragment());
    }

    @ParameterizedTest
    @EnumSource(value = AeadAlgorithm.class, names = {"AES_128_GCM", "CHACHA20_POLY1305"})
    void aRecordWhoseVersionWasChangedFailsAuthentication(AeadAlgorithm aead) {
        TlsRecord wire = protection(aead).protect(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3});
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> protection(aead).unprotect(new TlsRecord(wire.type(), 0x0301, wire.fragment())));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
    }
}
