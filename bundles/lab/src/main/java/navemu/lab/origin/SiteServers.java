package navemu.lab.origin;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import navemu.lab.ca.SiteCredential;
import navemu.lab.http.DohResponder;
import navemu.lab.http.SiteResponder;
import navemu.lab.site.SiteSpec;

/** The running servers of one site: its HTTPS origin and/or its plain HTTP origin. */
public final class SiteServers implements Closeable {

    private final SiteSpec site;
    private final OriginServer https;
    private final OriginServer http;

    private SiteServers(SiteSpec site, OriginServer https, OriginServer http) {
        this.site = site;
        this.https = https;
        this.http = http;
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
            return new SiteServers(site, https, http);
        } catch (IOException | RuntimeException e) {
            if (https != null) {
                https.close();
            }
            throw e;
        }
    }

    /** Binds the site's servers; for sites that are not DoH endpoints. */
    public static SiteServers start(SiteSpec site, Supplier<CompletableFuture<SiteCredential>> credential, Clock clock) throws IOException {
        return start(site, credential, clock, null);
    }

    public SiteSpec site() {
        return site;
    }

    /** The HTTPS port, or -1 when the site has no TLS server. */
    public int httpsPort() {
        return https == null ? -1 : https.port();
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
        if (http != null) {
            http.close();
        }
    }
}
