package navemu.lab.origin;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;

/**
 * IANA names (as in the config file and the RFCs) ↔ Bouncy Castle's code points. Bouncy Castle's
 * constant classes use the IANA names as field names, so the table is read from them.
 */
final class TlsNames {

    private static final Map<String, Integer> CIPHER_SUITES = constants(CipherSuite.class);
    private static final Map<String, Integer> GROUPS = constants(NamedGroup.class);
    /** Code point → name, for the page each lab site serves (asked on every request). */
    private static final Map<Integer, String> CIPHER_SUITE_NAMES = byCode(CIPHER_SUITES);

    private TlsNames() {
    }

    static int cipherSuite(String name) {
        Integer code = CIPHER_SUITES.get(name.toUpperCase(Locale.ROOT));
        if (code == null) {
            throw new IllegalArgumentException("unknown cipher suite '" + name + "' (use the IANA name, e.g. TLS_AES_128_GCM_SHA256)");
        }
        return code;
    }

    static String cipherSuiteName(int code) {
        String name = CIPHER_SUITE_NAMES.get(code);
        return name != null ? name : String.format("0x%04X", code);
    }

    static int group(String name) {
        Integer code = GROUPS.get(name.toLowerCase(Locale.ROOT));
        if (code == null) {
            throw new IllegalArgumentException("unknown group '" + name + "' (use the IANA name, e.g. x25519, secp256r1)");
        }
        return code;
    }

    static ProtocolVersion version(String name) {
        return switch (name) {
            case "TLSv1.3" -> ProtocolVersion.TLSv13;
            case "TLSv1.2" -> ProtocolVersion.TLSv12;
            default -> throw new IllegalArgumentException("unsupported TLS version " + name);
        };
    }

    /** JSSE-style name ({@code TLSv1.3}), the form navemu's results use. */
    static String versionName(ProtocolVersion version) {
        if (ProtocolVersion.TLSv13.equals(version)) {
            return "TLSv1.3";
        }
        return ProtocolVersion.TLSv12.equals(version) ? "TLSv1.2" : version.getName();
    }

    /** The reverse table; where two names share a code point (aliases), the alphabetically first wins. */
    private static Map<Integer, String> byCode(Map<String, Integer> byName) {
        Map<Integer, String> map = new HashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> map.putIfAbsent(e.getValue(), e.getKey()));
        return Map.copyOf(map);
    }

    private static Map<String, Integer> constants(Class<?> type) {
        Map<String, Integer> map = new HashMap<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    map.put(field.getName(), field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(map);
    }
}
