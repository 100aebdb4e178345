package navemu.lab.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * The lab's CA: a root, intermediates, and one leaf per site, kept as PEM files in a cache
 * directory ({@code <navemu.home>/lab/ca/}) so that the trust anchor stays the same between runs
 * and start-up stays fast.
 *
 * <p>A cached file is used only while it still fits: readable, issued by the current issuer,
 * for the right names, and with its profile's validity property (a good leaf with at least
 * {@link CertificateProfile#RENEW_BEFORE} left; an expired one still expired; …). Otherwise it
 * is made again. An unreadable file is reported through {@code notices}, moved aside to
 * {@code NAME.corrupt}, and regenerated.
 */
public final class LabCertificateAuthority {

    /** The root certificate alone, for users who want to trust it elsewhere ({@code curl --cacert}). */
    public static final String ROOT_CERTIFICATE_FILE = "lab-root.crt";

    private final Path directory;
    private final Clock clock;
    private final Consumer<String> notices;
    private final Map<Authority, KeyAndCertificate> authorities = new EnumMap<>(Authority.class);

    private LabCertificateAuthority(Path directory, Clock clock, Consumer<String> notices) {
        this.directory = directory;
        this.clock = clock;
        this.notices = notices;
    }

    /** Loads the authorities from {@code directory}, making any that are missing or stale. */
    public static LabCertificateAuthority open(Path directory, Clock clock, Consumer<String> notices) throws IOException {
        LabCertificateAuthority ca = new LabCertificateAuthority(directory, clock, notices);
        Files.createDirectories(directory);
        // Declaration order puts every issuer before the authorities it signs.
        for (Authority authority : Authority.values()) {
            ca.authorities.put(authority, ca.loadOrMakeAuthority(authority));
        }
        PemFile.writeCertificate(directory.resolve(ROOT_CERTIFICATE_FILE), ca.root());
        return ca;
    }

    /**
     * The cache files that are not there yet, of the authorities and of the given site leaves
     * (host → profile): what opening the CA and issuing those credentials will have to make.
     * Only names are checked; a file that is there but no longer fits is made again when read.
     */
    public static List<Path> missingFiles(Path directory, Map<String, CertificateProfile> leaves) {
        List<Path> missing = new ArrayList<>();
        for (Authority authority : Authority.values()) {
            Path file = directory.resolve(authority.fileName());
            if (!Files.isRegularFile(file)) {
                missing.add(file);
            }
        }
        leaves.forEach((host, profile) -> {
            Path file = leafFile(directory, host, profile);
            if (!Files.isRegularFile(file)) {
                missing.add(file);
            }
        });
        return missing;
    }

    /** The root's cache file: when it is missing, the CA is being created (the first start on this home). */
    public static Path rootFile(Path directory) {
        return directory.resolve(Authority.ROOT.fileName());
    }

    private static Path leafFile(Path directory, String host, CertificateProfile profile) {
        return directory.resolve("site-" + host + "-" + profile.configName() + ".pem");
    }

    public X509Certificate root() {
        return authorities.get(Authority.ROOT).certificate();
    }

    public Path directory() {
        return directory;
    }

    /**
     * The credential of one site: from the cache when it still fits, else newly issued.
     * Safe to call from several threads at once for different hosts.
     *
     * @param names the subjectAltName dNSNames (the first is also the CN)
     */
    public SiteCredential credentialFor(String host, CertificateProfile profile, List<String> names) throws IOException {
        Path file = leafFile(directory, host, profile);
        KeyAndCertificate leaf = readIfFits(file, entry -> leafFits(entry, profile, names));
        if (leaf == null) {
            leaf = issueLeaf(profile, names);
            PemFile.write(file, leaf);
        }
        KeyAndCertificate issuer = profile.issuer() == null ? leaf : authorities.get(profile.issuer());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf.certificate());
        if (profile.sendIssuer()) {
            chain.add(issuer.certificate());
        }
        return new SiteCredential(leaf.key(), chain, issuer);
    }

    private KeyAndCertificate loadOrMakeAuthority(Authority authority) throws IOException {
        Path file = directory.resolve(authority.fileName());
        KeyAndCertificate cached = readIfFits(file, entry -> authorityFits(entry, authority));
        if (cached != null) {
            return cached;
        }
        KeyAndCertificate made = makeAuthority(authority);
        PemFile.write(file, made);
        return made;
    }

    private KeyAndCertificate makeAuthority(Authority authority) {
        KeyPair keys = KeyType.EC_P256.generate();
        Instant notBefore = now().minus(1, ChronoUnit.HOURS);
        KeyAndCertificate issuer = authority.issuer() == null ? null : authorities.get(authority.issuer());
        CertificateTemplate template = new CertificateTemplate(authority.commonName(), keys.getPublic(),
                issuer == null ? null : issuer.certificate(),
                issuer == null ? keys.getPrivate() : issuer.key(),
                notBefore, notBefore.plus(authority.validity()),
                true, issuer == null ? -1 : 0, List.of(), true,
                authority.permittedDnsSubtree(), authority.sha1Signature());
        return new KeyAndCertificate(keys.getPrivate(), CertificateMaker.issue(template));
    }

    private KeyAndCertificate issueLeaf(CertificateProfile profile, List<String> names) {
        KeyPair keys = profile.keyType().generate();
        Instant now = now();
        KeyAndCertificate issuer = profile.issuer() == null ? null : authorities.get(profile.issuer());
        CertificateTemplate template = new CertificateTemplate(names.get(0), keys.getPublic(),
                issuer == null ? null : issuer.certificate(),
                issuer == null ? keys.getPrivate() : issuer.key(),
                profile.notBefore(now), profile.notAfter(now),
                false, -1, profile.subjectAltName() ? names : List.of(), profile.serverAuth(), null, false);
        return new KeyAndCertificate(keys.getPrivate(), CertificateMaker.issue(template));
    }

    private boolean authorityFits(KeyAndCertificate entry, Authority authority) {
        X509Certificate certificate = entry.certificate();
        X509Certificate issuer = authority.issuer() == null ? certificate : authorities.get(authority.issuer()).certificate();
        return issuedBy(certificate, issuer)
                && !certificate.getNotBefore().toInstant().isAfter(now())
                && certificate.getNotAfter().toInstant().isAfter(now().plus(Authority.RENEW_BEFORE));
    }

    private boolean leafFits(KeyAndCertificate entry, CertificateProfile profile, List<String> names) {
        X509Certificate certificate = entry.certificate();
        X509Certificate issuer = profile.issuer() == null ? certificate : authorities.get(profile.issuer()).certificate();
        return issuedBy(certificate, issuer)
                && profile.stillFits(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), now())
                && dnsNames(certificate).equals(profile.subjectAltName() ? names : List.of());
    }

    /** The cached entry, or null when there is none or it no longer fits; unreadable files are set aside. */
    private KeyAndCertificate readIfFits(Path file, java.util.function.Predicate<KeyAndCertificate> fits) throws IOException {
        try {
            KeyAndCertificate entry = PemFile.read(file);
            return fits.test(entry) ? entry : null;
        } catch (UnreadableCacheFileException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return null;
            }
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            notices.accept(e.getMessage() + "; moved aside to " + aside.getFileName() + " and made again");
            return null;
        }
    }

    /**
     * Whether {@code certificate} was issued by the current {@code issuer}: issuer name and
     * authorityKeyIdentifier = the issuer's subjectKeyIdentifier (RFC 5280 §4.2.1.1). When an
     * authority is made again it gets a new key, so everything it issued before stops fitting.
     * (Names and key identifiers rather than a signature check: start-up stays fast, and the
     * cache is written by this class only.)
     */
    private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        if (certificate == issuer) {
            return true; // self-signed: nothing else to match
        }
        byte[] authorityKeyId = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        byte[] subjectKeyId = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (authorityKeyId == null || subjectKeyId == null) {
            return false;
        }
        byte[] keyId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(authorityKeyId).getOctets()).getKeyIdentifier();
        byte[] issuerKeyId = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(subjectKeyId).getOctets()).getKeyIdentifier();
        return keyId != null && Arrays.equals(keyId, issuerKeyId);
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (List<?> san : sans) {
                if (Integer.valueOf(2).equals(san.get(0))) {
                    names.add((String) san.get(1));
                }
            }
            return names;
        } catch (CertificateParsingException e) {
            throw new UncheckedIOException(new IOException("cannot read the subjectAltName of a cached certificate", e));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
