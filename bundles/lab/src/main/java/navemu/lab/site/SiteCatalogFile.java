package navemu.lab.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import navemu.api.NetError;
import navemu.lab.LabConfigException;
import navemu.lab.ca.CertificateProfile;
import navemu.lab.ca.OcspResponses;

/**
 * Reads {@code config/lab/sites.conf}: one {@code [host]} section per site. The keys are described
 * in the file's own header; an unknown key or value is an error naming the line.
 */
public final class SiteCatalogFile {

    public static final String FILE_NAME = "sites.conf";

    private static final Set<String> KEYS = Set.of("purpose", "expected-error", "open",
            "tls", "tls.versions", "tls.answer-version", "tls.groups", "tls.suites", "tls.certificate", "tls.names", "tls.ocsp",
            "https", "https.alpn", "https.redirect", "https.header", "http", "http.redirect", "http.header");
    private static final Set<String> REPEATABLE = Set.of("https.redirect", "https.header", "http.redirect", "http.header");
    private static final List<String> DEFAULT_VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    private SiteCatalogFile() {
    }

    public static List<SiteSpec> read(Path file) {
        List<SiteSpec> sites = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        for (IniFile.Section section : IniFile.read(file)) {
            SiteSpec site = new SectionReader(file, section).site();
            if (!hosts.add(site.host())) {
                throw new LabConfigException(file, section.line(), "site " + site.host() + " is described twice");
            }
            sites.add(site);
        }
        if (sites.isEmpty()) {
            throw new LabConfigException(file, 0, "describes no site");
        }
        return List.copyOf(sites);
    }

    /** Reads one section; knows the line of every key for its messages. */
    private static final class SectionReader {
        private final Path file;
        private final IniFile.Section section;
        private final Map<String, List<IniFile.Entry>> entries = new LinkedHashMap<>();

        SectionReader(Path file, IniFile.Section section) {
            this.file = file;
            this.section = section;
            for (IniFile.Entry entry : section.entries()) {
                if (!KEYS.contains(entry.key())) {
                    throw error(entry.line(), "unknown key '" + entry.key() + "'; known keys: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
                }
                List<IniFile.Entry> list = entries.computeIfAbsent(entry.key(), k -> new ArrayList<>());
                if (!list.isEmpty() && !REPEATABLE.contains(entry.key())) {
                    throw error(entry.line(), "key '" + entry.key() + "' given twice for " + section.name());
                }
                list.add(entry);
            }
        }

        SiteSpec site() {
            String host = section.name().toLowerCase(Locale.ROOT);
            if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                throw error(section.line(), "'" + section.name() + "' is not a host name");
            }
            String purpose = required("purpose");
            String expectedError = optional("expected-error", null);
            if (expectedError != null) {
                try {
                    NetError.valueOf(expectedError);
                } catch (IllegalArgumentException e) {
                    throw error(line("expected-error"), "'" + expectedError + "' is not a navemu NetError name");
                }
            }
            TlsSpec tls = tls(host);
            HttpBehaviour https = tls == null ? null : behaviour("https", "page");
            if (tls == null && entries.containsKey("https")) {
                throw error(line("https"), "'https' needs a TLS server; this site has tls = none");
            }
            HttpBehaviour http = behaviour("http", "none");
            if (tls == null && http == null) {
                throw error(section.line(), host + " serves neither https (tls = none) nor http (http = none)");
            }
            String open = optional("open", (tls != null ? "https://" : "http://") + host + "/");
            return new SiteSpec(host, purpose, expectedError, open, tls, https, http);
        }

        private TlsSpec tls(String host) {
            String server = optional("tls", "bouncycastle");
            if (server.equals("none")) {
                return null;
            }
            if (!List.of("bouncycastle", "jdk", "boringssl", "openssl").contains(server)) {
                throw error(line("tls"), "unknown TLS server '" + server
                        + "'; this lab has: bouncycastle, jdk, none, and boringssl, openssl");
            }
            if (server.equals("openssl")) {
                // `openssl s_server` is driven as a child process with fixed arguments: TLS 1.3
                // (0-RTT is a TLS 1.3 feature) and OpenSSL's own groups and suites.
                for (String key : List.of("tls.groups", "tls.suites", "tls.answer-version", "tls.ocsp")) {
                    if (entries.containsKey(key)) {
                        throw error(line(key), "'" + key + "' needs tls = bouncycastle; the lab drives openssl s_server with fixed arguments");
                    }
                }
                if (!words("tls.versions", List.of("TLSv1.3")).equals(List.of("TLSv1.3"))) {
                    throw error(line("tls.versions"), "tls = openssl serves TLSv1.3 only (the lab runs it for 0-RTT early data)");
                }
            }
            if (server.equals("boringssl")) {
                // Conscrypt's server sets groups per connection, but neither a downgraded answer nor a staple per site.
                for (String key : List.of("tls.answer-version", "tls.ocsp")) {
                    if (entries.containsKey(key)) {
                        throw error(line(key), "'" + key + "' needs tls = bouncycastle; BoringSSL (Conscrypt) cannot do it per site");
                    }
                }
            }
            if (server.equals("jdk")) {
                // JSSE on Java 17 sets neither groups nor the version it answers per socket, and
                // staples only from a process-wide setting: those keys need Bouncy Castle.
                for (String key : List.of("tls.groups", "tls.answer-version", "tls.ocsp")) {
                    if (entries.containsKey(key)) {
                        throw error(line(key), "'" + key + "' needs tls = bouncycastle; the JDK's server cannot do it per site");
                    }
                }
            }
            List<String> versions = words("tls.versions", server.equals("openssl") ? List.of("TLSv1.3") : DEFAULT_VERSIONS);
            for (String version : versions) {
                if (!DEFAULT_VERSIONS.contains(version)) {
                    throw error(line("tls.versions"), "unsupported version '" + version + "'; use TLSv1.3 and/or TLSv1.2");
                }
            }
            String answer = optional("tls.answer-version", null);
            if (answer != null && !versions.contains(answer)) {
                throw error(line("tls.answer-version"), answer + " is not among tls.versions " + versions);
            }
            CertificateProfile profile;
            try {
                profile = CertificateProfile.fromConfigName(optional("tls.certificate", "ec-p256"));
            } catch (IllegalArgumentException e) {
                throw error(line("tls.certificate"), e.getMessage());
            }
            OcspResponses.Status ocsp = null;
            if (entries.containsKey("tls.ocsp")) {
                try {
                    ocsp = OcspResponses.Status.fromConfigName(optional("tls.ocsp", null));
                } catch (IllegalArgumentException e) {
                    throw error(line("tls.ocsp"), e.getMessage());
                }
            }
            List<String> alpn = words("https.alpn", server.equals("boringssl") ? TlsSpec.H2_FIRST : TlsSpec.HTTP11_ONLY);
            for (String protocol : alpn) {
                if (!TlsSpec.H2_FIRST.contains(protocol)) {
                    throw error(line("https.alpn"), "unknown protocol '" + protocol + "'; the lab speaks h2 and http/1.1");
                }
            }
            return new TlsSpec(server, versions, answer, words("tls.groups", List.of()), words("tls.suites", List.of()),
                    profile, words("tls.names", List.of(host)), ocsp, alpn);
        }

        private HttpBehaviour behaviour(String scheme, String defaultMode) {
            String word = optional(scheme, defaultMode);
            if (word.equals("none")) {
                for (String key : List.of(scheme + ".redirect", scheme + ".header")) {
                    if (entries.containsKey(key)) {
                        throw error(line(key), "'" + key + "' given but " + scheme + " = none");
                    }
                }
                return null;
            }
            HttpBehaviour.Mode mode;
            try {
                mode = HttpBehaviour.Mode.valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw error(line(scheme), "unknown behaviour '" + word + "'; known: none, "
                        + String.join(", ", Arrays.stream(HttpBehaviour.Mode.values())
                        .map(m -> m.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
            }
            if (mode == HttpBehaviour.Mode.DOH && !scheme.equals("https")) {
                throw error(line(scheme), "'doh' is for https only: RFC 8484 §5 requires DNS over HTTPS to use https");
            }
            Map<String, HttpBehaviour.Redirect> redirects = new LinkedHashMap<>();
            for (IniFile.Entry entry : entries.getOrDefault(scheme + ".redirect", List.of())) {
                String[] parts = entry.value().split("\\s+");
                if (parts.length != 3 || !parts[0].startsWith("/") || !parts[1].matches("30[12378]")) {
                    throw error(entry.line(), "a redirect is 'PATH STATUS LOCATION', e.g. '/a 302 /b', with STATUS one of 301 302 303 307 308");
                }
                redirects.put(parts[0], new HttpBehaviour.Redirect(Integer.parseInt(parts[1]), parts[2]));
            }
            List<String> headers = new ArrayList<>();
            for (IniFile.Entry entry : entries.getOrDefault(scheme + ".header", List.of())) {
                if (!entry.value().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+:.*")) {
                    throw error(entry.line(), "a header is 'Name: value' (RFC 9110 §5.1 token name), got: " + entry.value());
                }
                headers.add(entry.value());
            }
            return new HttpBehaviour(mode, redirects, headers);
        }

        private String required(String key) {
            String value = optional(key, null);
            if (value == null || value.isEmpty()) {
                throw error(section.line(), "site " + section.name() + " needs '" + key + " = …'");
            }
            return value;
        }

        private String optional(String key, String fallback) {
            List<IniFile.Entry> list = entries.get(key);
            return list == null || list.get(0).value().isEmpty() ? fallback : list.get(0).value();
        }

        private List<String> words(String key, List<String> fallback) {
            String value = optional(key, null);
            return value == null ? fallback : List.of(value.split("[\\s,]+"));
        }

        private int line(String key) {
            List<IniFile.Entry> list = entries.get(key);
            return list == null ? section.line() : list.get(0).line();
        }

        private LabConfigException error(int line, String problem) {
            return new LabConfigException(file, line, problem);
        }
    }
}
