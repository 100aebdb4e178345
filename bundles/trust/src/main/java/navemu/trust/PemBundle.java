package navemu.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A file of PEM certificates (RFC 7468 §5), such as a system CA bundle. Reading never throws:
 * a missing file, an unreadable one, or a broken block becomes a line in {@link #problems()}.
 *
 * @param path         the file read
 * @param certificates every certificate that parsed, in file order
 * @param problems     what could not be read, one line each; empty when all went well
 */
public record PemBundle(Path path, List<X509Certificate> certificates, List<String> problems) {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    public PemBundle {
        certificates = List.copyOf(certificates);
        problems = List.copyOf(problems);
    }

    public static PemBundle read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return new PemBundle(path, List.of(), List.of("missing: no file at " + path));
        } catch (IOException | RuntimeException e) {
            return new PemBundle(path, List.of(), List.of("unreadable: " + e.getMessage()));
        }
        return parse(path, text);
    }

    static PemBundle parse(Path path, String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509", "SUN");
        } catch (GeneralSecurityException e) {
            return new PemBundle(path, List.of(), List.of("the JDK cannot parse X.509: " + e.getMessage()));
        }
        int block = 0;
        int at = text.indexOf(BEGIN);
        while (at >= 0) {
            block++;
            int end = text.indexOf(END, at);
            if (end < 0) {
                problems.add("block " + block + ": BEGIN CERTIFICATE without END");
                break;
            }
            String base64 = text.substring(at + BEGIN.length(), end);
            try {
                // RFC 7468 §3: the body is base64 spread over lines; the MIME decoder skips the line breaks.
                byte[] der = Base64.getMimeDecoder().decode(base64);
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                problems.add("block " + block + ": not a certificate (" + e.getMessage() + ")");
            }
            at = text.indexOf(BEGIN, end);
        }
        if (block == 0) {
            problems.add("no PEM certificate in " + path);
        }
        return new PemBundle(path, certificates, problems);
    }

    /** One phrase for messages: where, how many, and what went wrong. */
    public String describe() {
        String count = certificates.size() + " certificate" + (certificates.size() == 1 ? "" : "s");
        return problems.isEmpty() ? path + " (" + count + ")"
                : path + " (" + count + "; " + String.join("; ", problems) + ")";
    }
}
