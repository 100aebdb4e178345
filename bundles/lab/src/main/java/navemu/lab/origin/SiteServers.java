package navemu.lab.origin;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import navemu.lab.ca.SiteCredential;
import navemu.lab.http.DohResponder;
import navemu.lab.http.SiteResponder;
import navemu.lab.openssl.OpenSslTools;
import navemu.lab.openssl.SServerSite;
import navemu.lab.site.SiteSpec;

/** The running servers of one site: its HTTPS origin and/or its plain HTTP origin. */
public final class SiteServers implements Closeable {

    private final SiteSpec site;
    private final OriginServer https;
    private final OriginServer http;
    /** A site served by openssl s_server: the driver of its child process. */
    private final SServerSite sserver;
    /** For a site that cannot run (openssl missing): its refused port, and why. */
    private final ReservedPort reserved;
    private final String notRunning;

    private SiteServers(SiteSpec site, OriginServer https, OriginServer http, SServerSite sserver, ReservedPort reserved,
                        String notRunning) {
        this.site = site;
        this.https = https;
        this.http = http;
        this.sserver = sserver;
        this.reserved = reserved;
        this.notRunning = notRunning;
    }

    /**
     * Binds the site's servers at once; the HTTPS server waits for its certificate at the first handshake.
     *
     * @param credential the site's certificate, started when first asked for (possibly still being made), or null
     *                   when it has no TLS server
     * @param doh        what a DoH site ({@code https = doh}) answers with; may be null when the site is none
     */
    public static SiteServers start(SiteSpec site, Supplier<CompletableFuture<SiteCredential>> credential, Clock clock,
                                    DohResponder doh) throws IOException {
        return start(site, credential, clock, doh, null);
    }

    /**
     * @param opensslDirectory where a {@code tls = openssl} site writes the files of its s_server
     *                         child (key and certificates); may be null when the catalog has none
     */
    public static SiteServers start(SiteSpec site, Supplier<CompletableFuture<SiteCredential>> credential, Clock clock,
                                    DohResponder doh, Path opensslDirectory) throws IOException {
        if (site.tls() != null && site.tls().server().equals("openssl")) {
            return startOpenSsl(site, credential, opensslDirectory);
        }
        OriginServer https = null;
        OriginServer http = null;
        try {
            if (site.tls() != null) {
                SiteResponder responder = new SiteResponder(site.host(), "https", site.purpose(), site.https(), doh);
                ConnectionHandler handler = switch (site.tls().server()) {
                    case "jdk" -> new JdkTlsHandler(site.tls(), credential, responder);
                    case "boringssl" -> new BoringSslTlsHandler(site.tls(), credential, responder);
                    default -> new BouncyCastleTlsHandler(site.tls(), credential, responder, clock);
                };
                https = OriginServer.start("https " + site.host(), handler);
            }
            if (site.http() != null) {
                SiteResponder responder = new SiteResponder(site.host(), "http", site.purpose(), site.http(), doh);
                http = OriginServer.start("http " + site.host(), new PlainHttpHandler(responder));
            }
            return new SiteServers(site, https, http, null, null, null);
        } catch (IOException | RuntimeException e) {
            if (https != null) {
                https.close();
            }
            throw e;
        }
    }

    /**
     * A site served by {@code openssl s_server} (HTTPS only): its own origin relays each connection
     * to the child. Without openssl on the PATH the site holds a refused port and says why.
     */
    private static SiteServers startOpenSsl(SiteSpec site, Supplier<CompletableFuture<SiteCredential>> credential,
                                            Path opensslDirectory) throws IOException {
        if (site.http() != null) {
            throw new IOException(site.host() + ": a tls = openssl site serves https only");
        }
        Optional<OpenSslTools> tools = OpenSslTools.find();
        if (tools.isEmpty()) {
            return new SiteServers(site, null, null, null, new ReservedPort(), OpenSslTools.missing());
        }
        SiteResponder responder = new SiteResponder(site.host(), "https", site.purpose(), site.https());
        SServerSite sserver = new SServerSite(site.host(), tools.get(), credential, opensslDirectory.resolve(site.host()), responder);
        return new SiteServers(site, OriginServer.start("https " + site.host(), new OpenSslTlsHandler(sserver)), null, sserver,
                null, null);
    }

    /** Binds the site's servers; for sites that are not DoH endpoints. */
    public static SiteServers start(SiteSpec site, Supplier<CompletableFuture<SiteCredential>> credential, Clock clock) throws IOException {
        return start(site, credential, clock, null);
    }

    public SiteSpec site() {
        return site;
    }

    /** The HTTPS port (refused when the site cannot run), or -1 when the site has no TLS server. */
    public int httpsPort() {
        return reserved != null ? reserved.port() : https == null ? -1 : https.port();
    }

    /**
     * The CPU time this site's origin on {@code serverPort} has spent on the connection from the
     * client's {@code clientPort}; -1 when that port is not one of its origins or the work is done
     * in a child process (an {@code openssl s_server} site).
     */
    public long cpuNanos(int serverPort, int clientPort) {
        if (reserved == null && https != null && https.port() == serverPort) {
            return https.cpuNanos(clientPort);
        }
        if (http != null && http.port() == serverPort) {
            return http.cpuNanos(clientPort);
        }
        return -1;
    }

    /** Why the site is not running (e.g. {@code needs openssl; not running}), or empty when it runs. */
    public Optional<String> notRunning() {
        return Optional.ofNullable(notRunning);
    }

    /** The process ID of the site's openssl s_server child, when one runs. */
    public Optional<Long> childPid() {
        return sserver == null ? Optional.empty() : sserver.childPid();
    }

    /** The plain HTTP port, or -1 when the site has none. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    @Override
    public void close() {
        if (https != null) {
            https.close();
        }
        if (sserver != null) {
            sserver.close();
        }
        if (reserved != null) {
            try {
                reserved.close();
            } catch (IOException e) {
                // closing: nothing more to do
            }
        }
        if (http != null) {
            http.close();
        }
    }
}
