package navemu.lab.ca;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * One PEM file (RFC 7468) of the cache: a PKCS#8 {@code PRIVATE KEY} followed by its
 * {@code CERTIFICATE}. Written atomically (temporary file, then rename), so a crash never leaves
 * half a file; a file that is there but unusable is reported, never silently replaced.
 */
public final class PemFile {

    private PemFile() {
    }

    public static KeyAndCertificate read(Path file) throws UnreadableCacheFileException {
        PrivateKey key = null;
        X509Certificate certificate = null;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PrivateKeyInfo info && key == null) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                } else if (object instanceof X509CertificateHolder holder && certificate == null) {
                    certificate = new JcaX509CertificateConverter().getCertificate(holder);
                } else {
                    throw new UnreadableCacheFileException(file, "unexpected PEM object " + object.getClass().getSimpleName(), null);
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new UnreadableCacheFileException(file, "not a valid PEM key and certificate (" + e.getMessage() + ")", e);
        }
        if (key == null || certificate == null) {
            throw new UnreadableCacheFileException(file,
                    key == null ? "it holds no PRIVATE KEY block" : "it holds no CERTIFICATE block", null);
        }
        return new KeyAndCertificate(key, certificate);
    }

    public static void write(Path file, KeyAndCertificate entry) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(entry.key(), null));
            writer.writeObject(entry.certificate());
        }
        writeAtomically(file, text.toString());
    }

    /** A certificate alone, for users who want to trust the lab root elsewhere (curl --cacert). */
    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        }
        writeAtomically(file, text.toString());
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
