package navemu.lab;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.function.Consumer;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

import navemu.api.lab.LabSite;
import navemu.lab.ca.CertificateProfile;
import navemu.lab.ca.LabCertificateAuthority;
import navemu.lab.ca.OnDemand;
import navemu.lab.ca.SiteCredential;
import navemu.lab.dns.DnsFault;
import navemu.lab.dns.DnsFaultsFile;
import navemu.lab.dns.LabDnsResponder;
import navemu.lab.dns.LabDnsServer;
import navemu.lab.dns.ZoneAuthority;
import navemu.lab.dns.ZoneFile;
import navemu.lab.http.DohResponder;
import navemu.lab.origin.SiteServers;
import navemu.lab.site.HttpBehaviour;
import navemu.lab.site.SiteCatalogFile;
import navemu.lab.site.SiteSpec;

/**
 * The embedded lab world, running: an authoritative DNS server for {@code lab.test}, the lab CA,
 * and one HTTPS and/or HTTP origin per site of {@code config/lab/sites.conf}, all on 127.0.0.1
 * with ephemeral ports. Plain Java: tests start it directly, the OSGi {@link LabComponent} wraps it.
 *
 * <pre>{@code
 * try (LabWorld lab = LabWorld.start(home, Path.of("config"))) {
 *     InetSocketAddress dns = lab.dnsAddress();      // ask it for www.lab.test
 *     int port = lab.port("www.lab.test");           // or read it from the HTTPS record
 *     X509Certificate anchor = lab.rootCertificate();
 * }
 * }</pre>
 */
public final class LabWorld implements Closeable {

    /** The zone the lab is authoritative for. */
    public static final String ZONE = "lab.test";
    /** Under the configuration directory: the sites and the zone. */
    public static final String CONFIG_SUBDIRECTORY = "lab";
    public static final String ZONE_FILE = ZONE + ".zone";
    /** Under the navemu home: the CA's cache. */
    public static final String CA_SUBDIRECTORY = "lab/ca";
    /** Under the home: the key and certificates of each {@code tls = openssl} site's s_server child. */
    public static final String OPENSSL_SUBDIRECTORY = "lab/openssl";

    /** How long closing waits for a key generation in progress to end. */
    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final int CERTIFICATE_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** How long a caller waits for the CA to be opened (made, on a first start on a slow machine). */
    private static final Duration CA_WAIT = Duration.ofSeconds(120);

    private final Path sitesFile;
    private final Path caDirectory;
    private final OnDemand<LabCertificateAuthority> ca;
    private final Map<String, SiteServers> servers;
    private final LabDnsServer dns;
    private final ExecutorService certificateWorkers;
    private final Map<String, OnDemand<SiteCredential>> credentials;
    private final List<Path> missingCacheFiles;
    private final Duration startDuration;

    private LabWorld(Path sitesFile, Path caDirectory, OnDemand<LabCertificateAuthority> ca, Map<String, SiteServers> servers,
                     LabDnsServer dns, ExecutorService certificateWorkers, Map<String, OnDemand<SiteCredential>> credentials,
                     List<Path> missingCacheFiles, Duration startDuration) {
        this.sitesFile = sitesFile;
        this.caDirectory = caDirectory;
        this.ca = ca;
        this.servers = servers;
        this.dns = dns;
        this.certificateWorkers = certificateWorkers;
        this.credentials = credentials;
        this.missingCacheFiles = missingCacheFiles;
        this.startDuration = startDuration;
    }

    /**
     * Starts the lab with the system clock; cache problems are reported on standard error.
     *
     * @param home      the navemu home ({@code navemu.home}); the CA cache goes to {@code home/lab/ca}
     * @param configDir the configuration directory ({@code navemu.config.dir}) holding {@code lab/sites.conf}
     *                  and {@code lab/lab.test.zone}
     * @throws LabConfigException when a configuration file is wrong (the message names file and line)
     */
    public static LabWorld start(Path home, Path configDir) throws IOException {
        return start(home, configDir, Clock.systemUTC(), notice -> System.err.println("navemu lab: " + notice));
    }

    /**
     * @param clock   the time certificates and OCSP responses are made and checked against
     * @param notices receives one line per thing the user should know (a corrupt cache file set aside, …)
     */
    public static LabWorld start(Path home, Path configDir, Clock clock, Consumer<String> notices) throws IOException {
        long started = System.nanoTime();
        Path labConfig = configDir.resolve(CONFIG_SUBDIRECTORY);
        Path sitesFile = labConfig.resolve(SiteCatalogFile.FILE_NAME);
        List<SiteSpec> sites = SiteCatalogFile.read(sitesFile);
        // Every configuration file is read before anything writes, so that a wrong one is said at
        // once and nothing is left running or writing (the CA makes keys into the home). The zone
        // names the sites' ports, so it is read (once) after their sockets are bound, and a wrong
        // zone closes them again before any key is made.
        Map<String, DnsFault> faults = DnsFaultsFile.read(labConfig.resolve(DnsFaultsFile.FILE_NAME), ZONE);
        ExecutorService workers = Executors.newFixedThreadPool(CERTIFICATE_THREADS, r -> {
            Thread thread = new Thread(r, "navemu-lab certificate maker");
            thread.setDaemon(true);
            return thread;
        });
        Path caDirectory = home.resolve(CA_SUBDIRECTORY);
        List<Path> missing = LabCertificateAuthority.missingFiles(caDirectory, leaves(sites));
        // The CA opens, and each site's credential is read, on a worker when first needed: with the
        // cache filled, start-up reads none of them (the first handshake with a site reads its
        // own). A cold cache has keys to make, which takes seconds: every one starts at once.
        OnDemand<LabCertificateAuthority> ca = new OnDemand<>(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return LabCertificateAuthority.open(caDirectory, clock, notices);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, workers));
        Map<String, OnDemand<SiteCredential>> credentials = issueCredentials(ca, sites, workers, notices);

        Map<String, SiteServers> servers = new LinkedHashMap<>();
        LabDnsServer dns = null;
        // A DoH site (https = doh) answers from the same responder as the DNS server; the zone
        // names the sites' ports, so that responder exists only once they are bound.
        CompletableFuture<LabDnsResponder> dnsResponder = new CompletableFuture<>();
        DohResponder doh = new DohResponder(dnsResponder);
        try {
            for (SiteSpec site : sites) {
                OnDemand<SiteCredential> credential = credentials.get(site.host());
                servers.put(site.host(), SiteServers.start(site, credential == null ? null : credential::future, clock, doh,
                        home.resolve(OPENSSL_SUBDIRECTORY)));
                servers.get(site.host()).notRunning().ifPresent(why -> notices.accept(site.host() + " " + why));
            }
            Zone zone = ZoneFile.load(labConfig.resolve(ZONE_FILE), zoneOrigin(), (host, scheme) -> {
                SiteServers s = servers.get(host);
                int port = s == null ? -1 : scheme.equals("https") ? s.httpsPort() : s.httpPort();
                return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
            });
            checkEverySiteResolves(labConfig.resolve(ZONE_FILE), zone, sites);
            if (!missing.isEmpty()) {
                credentials.values().forEach(OnDemand::future); // every configuration file is good: make the keys
            }
            LabDnsResponder responder = new LabDnsResponder(new ZoneAuthority(zone), faults);
            dns = LabDnsServer.start(responder);
            dnsResponder.complete(responder);
            if (!missing.isEmpty()) {
                // Making the CA is where a home that cannot be written shows: say it at start.
                join(ca.future());
            }
        } catch (IOException | RuntimeException e) {
            dnsResponder.completeExceptionally(e);
            if (dns != null) {
                dns.close();
            }
            servers.values().forEach(SiteServers::close);
            stop(workers);
            throw e;
        }
        return new LabWorld(sitesFile, caDirectory, ca, Collections.unmodifiableMap(servers), dns, workers, credentials,
                List.copyOf(missing), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The TLS sites' certificate profiles, by host. */
    private static Map<String, CertificateProfile> leaves(List<SiteSpec> sites) {
        Map<String, CertificateProfile> leaves = new LinkedHashMap<>();
        sites.stream().filter(site -> site.tls() != null).forEach(site -> leaves.put(site.host(), site.tls().certificate()));
        return leaves;
    }

    /**
     * Each TLS site's credential, made (or read from the cache) on a small pool of daemon threads
     * when first asked for. Ordered slowest key first (an RSA 4096 key takes seconds on a small
     * machine), so that a cold start, which asks for all at once, begins with those.
     */
    private static Map<String, OnDemand<SiteCredential>> issueCredentials(
            OnDemand<LabCertificateAuthority> ca, List<SiteSpec> sites, ExecutorService workers, Consumer<String> notices) {
        Map<String, OnDemand<SiteCredential>> pending = new LinkedHashMap<>();
        List<SiteSpec> slowestFirst = sites.stream().filter(site -> site.tls() != null)
                .sorted(Comparator.comparing((SiteSpec site) -> site.tls().certificate().keyType()).reversed())
                .toList();
        for (SiteSpec site : slowestFirst) {
            pending.put(site.host(), new OnDemand<>(() -> {
                CompletableFuture<SiteCredential> credential = ca.future().thenApplyAsync(opened -> {
                    try {
                        return opened.credentialFor(site.host(), site.tls().certificate(), site.tls().names());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, workers);
                credential.whenComplete((made, failure) -> {
                    // A lab that failed to start shuts its workers down: the pending certificates are
                    // then refused, which is no news to the user.
                    if (failure != null && !(failure.getCause() instanceof RejectedExecutionException)
                            && !(failure instanceof RejectedExecutionException)) {
                        notices.accept("cannot make the certificate of " + site.host() + ": " + failure.getMessage());
                    }
                });
                return credential;
            }));
        }
        return pending;
    }

    /** The opened CA, or the reason it could not be opened as the exception it was. */
    private static LabCertificateAuthority join(CompletableFuture<LabCertificateAuthority> opening) throws IOException {
        return join(opening, CA_WAIT);
    }

    private static LabCertificateAuthority join(CompletableFuture<LabCertificateAuthority> opening, Duration timeout)
            throws IOException {
        try {
            return opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the lab CA was not ready within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException("cannot open the lab CA: " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot open the lab CA", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the lab CA", e);
        }
    }

    private static void checkEverySiteResolves(Path zoneFile, Zone zone, List<SiteSpec> sites) {
        for (SiteSpec site : sites) {
            try {
                if (!zone.findRecords(Name.fromString(site.host() + "."), Type.A).isSuccessful()) {
                    throw new LabConfigException(zoneFile, 0, "site " + site.host()
                            + " (config/lab/" + SiteCatalogFile.FILE_NAME + ") has no A record in the zone");
                }
            } catch (TextParseException e) {
                throw new LabConfigException(zoneFile, 0, "bad site name " + site.host(), e);
            }
        }
    }

    private static Name zoneOrigin() {
        try {
            return Name.fromString(ZONE + ".");
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the lab's DNS server listens, UDP and TCP (127.0.0.1, ephemeral port). */
    public InetSocketAddress dnsAddress() {
        return dns.address();
    }

    /**
     * The lab's DNS-over-HTTPS endpoint (RFC 8484), e.g. {@code https://doh.lab.test:40123/dns-query}:
     * the first site of {@code sites.conf} with {@code https = doh}. The host is a lab name, so a
     * client resolves it through the lab's DNS (or connects to {@link #dohAddress()}); its
     * certificate comes from the lab CA.
     */
    public Optional<URI> dohUrl() {
        return dohSite().map(s -> URI.create("https://" + s.site().host() + ":" + s.httpsPort() + DohResponder.PATH));
    }

    /** Where the DoH endpoint listens (127.0.0.1 and its ephemeral port), if the lab has one. */
    public Optional<InetSocketAddress> dohAddress() {
        return dohSite().map(s -> new InetSocketAddress(LabAddress.LOOPBACK, s.httpsPort()));
    }

    private Optional<SiteServers> dohSite() {
        return servers.values().stream()
                .filter(s -> s.site().https() != null && s.site().https().mode() == HttpBehaviour.Mode.DOH)
                .findFirst();
    }

    /**
     * The CPU time a lab origin has spent on the TCP connection from {@code client} to
     * {@code server} ({@link navemu.api.lab.ServerWork}); -1 when it is none of the lab's.
     */
    public long serverCpuNanos(InetSocketAddress client, InetSocketAddress server) {
        if (!LabAddress.LOOPBACK.equals(server.getAddress())) {
            return -1;
        }
        for (SiteServers s : servers.values()) {
            long nanos = s.cpuNanos(server.getPort(), client.getPort());
            if (nanos >= 0) {
                return nanos;
            }
        }
        return -1;
    }

    /** The HTTPS port of a lab host. @throws IllegalArgumentException when the lab serves no HTTPS for it */
    public int port(String host) {
        int port = serversOf(host).httpsPort();
        if (port < 0) {
            throw new IllegalArgumentException(host + " has no HTTPS server in the lab (plain HTTP only)");
        }
        return port;
    }

    /** The plain HTTP port of a lab host. @throws IllegalArgumentException when the lab serves no plain HTTP for it */
    public int httpPort(String host) {
        int port = serversOf(host).httpPort();
        if (port < 0) {
            throw new IllegalArgumentException(host + " has no plain HTTP server in the lab");
        }
        return port;
    }

    /** The port of {@code host} for {@code scheme} ({@code https} or {@code http}), if the lab serves it. */
    public OptionalInt portFor(String host, String scheme) {
        SiteServers s = servers.get(normalise(host));
        if (s == null) {
            return OptionalInt.empty();
        }
        int port = switch (scheme.toLowerCase(Locale.ROOT)) {
            case "https" -> s.httpsPort();
            case "http" -> s.httpPort();
            default -> -1;
        };
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /**
     * The lab root: the one trust anchor a client needs for the lab's good sites. Opens the CA
     * if nobody needed it yet (a few milliseconds from the cache).
     *
     * @throws UncheckedIOException when the CA cannot be opened
     */
    public X509Certificate rootCertificate() {
        try {
            return join(ca.future(), CA_WAIT).root();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog, in the order of {@code sites.conf}. */
    public List<LabSite> sites() {
        List<LabSite> sites = new ArrayList<>();
        for (SiteServers s : servers.values()) {
            SiteSpec spec = s.site();
            boolean https = spec.openUrl().startsWith("https:");
            Optional<String> notRunning = s.notRunning();
            if (notRunning.isPresent()) {
                // Said where users look (the lab listing); its port refuses connections.
                sites.add(new LabSite(spec.host(), spec.openUrl(), notRunning.get() + " — " + spec.purpose(),
                        "ERR_CONNECTION_REFUSED", spec.tls().server(), s.httpsPort()));
                continue;
            }
            sites.add(new LabSite(spec.host(), spec.openUrl(), spec.purpose(), spec.expectedError(),
                    spec.tls() == null ? "plain" : spec.tls().server(), https ? s.httpsPort() : s.httpPort(),
                    https ? spec.tls().alpn() : List.of("http/1.1")));
        }
        return List.copyOf(sites);
    }

    /** The process ID of the {@code openssl s_server} serving {@code host}, while one runs. */
    public Optional<Long> childProcess(String host) {
        return serversOf(host).childPid();
    }

    /** The site descriptions as read from the config file. */
    public List<SiteSpec> siteSpecs() {
        return servers.values().stream().map(SiteServers::site).toList();
    }

    /** The file the sites (and so the port map) come from, for messages. */
    public Path sitesFile() {
        return sitesFile;
    }

    /** Where the CA keeps its PEM files ({@code <home>/lab/ca}). */
    public Path caDirectory() {
        return caDirectory;
    }

    /**
     * The CA cache files that were missing when the lab started (none once the cache is filled):
     * their keys are being made, which for an RSA 4096 key takes seconds.
     */
    public List<Path> missingCacheFiles() {
        return missingCacheFiles;
    }

    /**
     * Waits until every site's certificate is made or loaded, starting those nobody asked for yet
     * (a warm start reads none until needed; a handshake with a site waits only for its own).
     *
     * @throws IOException naming the site whose certificate could not be made, or on timeout
     */
    public void awaitCertificates(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, OnDemand<SiteCredential>> entry : credentials.entrySet()) {
            try {
                entry.getValue().future().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IOException("the lab CA could not make the certificate of " + entry.getKey() + ": " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("the certificate of " + entry.getKey() + " was not ready within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lab's certificates", e);
            }
        }
    }

    /** How long {@link #start} took (certificates still in the making excluded; see {@link #awaitCertificates}). */
    public Duration startDuration() {
        return startDuration;
    }

    /**
     * Stops the DNS server and every origin and waits for their threads. A certificate maker in
     * the middle of generating a key (only just after a cold start) finishes that key and ends.
     */
    @Override
    public void close() {
        dns.close();
        servers.values().forEach(SiteServers::close);
        stop(certificateWorkers);
    }

    /**
     * Stops the certificate makers. A key generation in progress cannot be interrupted, and it
     * writes its files to the CA cache when it ends: wait for that (an RSA 4096 key takes seconds,
     * far more on a loaded machine), so that nothing writes under the home after the lab is closed.
     */
    private static void stop(ExecutorService workers) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SiteServers serversOf(String host) {
        SiteServers s = servers.get(normalise(host));
        if (s == null) {
            throw new IllegalArgumentException(host + " is not a lab site (see " + sitesFile + ")");
        }
        return s;
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
