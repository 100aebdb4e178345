package navemu.tls.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.util.encoders.Hex;

/** The labelled values of RFC 8448 §3 and §4, looked up by section, actor, step and label. */
public final class Rfc8448Vectors {
    private final Map<String, byte[]> values = new HashMap<>();

    private Rfc8448Vectors() {
    }

    public static Rfc8448Vectors load() throws IOException {
        Rfc8448Vectors v = new Rfc8448Vectors();
        try (InputStream in = Rfc8448Vectors.class.getResourceAsStream("/rfc8448/rfc8448-sections3-4-values.tsv")) {
            if (in == null) {
                throw new IOException("rfc8448-sections3-4-values.tsv is missing from the test resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (f.length < 5) {
                    continue;
                }
                String hex = f[4].replace(" ", "");
                if (hex.matches("([0-9a-fA-F]{2})*")) { // a few rows are words, e.g. the salt "0 (all zero octets)"
                    v.values.put(key(f[0], f[1], f[2], f[3]), Hex.decode(hex));
                }
            }
        }
        return v;
    }

    /**
     * A §3 value. {@code label} may omit the "(N octets)" suffix. {@code actor} is "client" or
     * "server"; {@code step} the RFC's words before the colon, e.g. {@code derive secret "tls13 c hs traffic"}.
     */
    public byte[] s3(String actor, String step, String label) {
        return get("3", actor, step, label);
    }

    public byte[] get(String section, String actor, String step, String label) {
        String prefix = key(section, "{" + actor + "}", step + ":", label);
        byte[] found = null;
        for (Map.Entry<String, byte[]> e : values.entrySet()) {
            if (e.getKey().equals(prefix) || e.getKey().startsWith(prefix + " (")) {
                if (found != null) {
                    throw new IllegalArgumentException("several RFC 8448 values match " + prefix + ": give the octet count");
                }
                found = e.getValue();
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no RFC 8448 value for " + prefix);
        }
        return found.clone();
    }

    private static String key(String section, String actor, String step, String label) {
        return section + "|" + actor + "|" + step + "|" + label;
    }
}
