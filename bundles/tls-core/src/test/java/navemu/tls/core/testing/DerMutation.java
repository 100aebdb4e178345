package navemu.tls.core.testing;

import java.nio.charset.StandardCharsets;

/**
 * Mutations of a real certificate's DER, the kind a fuzzer finds: the bytes stay well framed
 * (every length is unchanged), only what one field holds is wrong.
 */
public final class DerMutation {
    /** OID 2.5.4.3 (commonName) followed by a UTF8String tag. */
    private static final byte[] CN_UTF8 = {0x06, 0x03, 0x55, 0x04, 0x03, 0x0c};

    private DerMutation() {
    }

    /** The subject's CN (a UTF8String holding {@code cn}) gets a 0xff byte: invalid UTF-8. */
    public static byte[] subjectCnInvalidUtf8(byte[] der, String cn) {
        byte[] out = der.clone();
        int at = subjectCn(out, cn);
        out[at + CN_UTF8.length + 1] = (byte) 0xff;
        return out;
    }

    /** The subject's CN attribute type is tagged UTF8String instead of OBJECT IDENTIFIER. */
    public static byte[] subjectCnTypeNotAnOid(byte[] der, String cn) {
        byte[] out = der.clone();
        out[subjectCn(out, cn)] = 0x0c;
        return out;
    }

    private static int subjectCn(byte[] der, String cn) {
        byte[] value = cn.getBytes(StandardCharsets.UTF_8);
        byte[] pattern = new byte[CN_UTF8.length + 1 + value.length];
        System.arraycopy(CN_UTF8, 0, pattern, 0, CN_UTF8.length);
        pattern[CN_UTF8.length] = (byte) value.length;
        System.arraycopy(value, 0, pattern, CN_UTF8.length + 1, value.length);
        for (int i = 0; i + pattern.length <= der.length; i++) {
            boolean match = true;
            for (int j = 0; j < pattern.length && match; j++) {
                match = der[i + j] == pattern[j];
            }
            if (match) {
                return i;
            }
        }
        throw new IllegalArgumentException("no commonName UTF8String \"" + cn + "\" in this certificate");
    }
}
