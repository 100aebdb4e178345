package navemu.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import navemu.api.ConfigProblem;
import navemu.api.Environment;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.dns.ZoneServer;
import navemu.api.lab.LabSite;
import navemu.api.lab.LabSites;
import navemu.api.lab.ServerWork;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;

/**
 * The lab world as OSGi services: starts a {@link LabWorld} when the bundle starts and stops it
 * when it stops. Registers the lab's DNS zone ({@link ZoneServer}), its root ({@link TrustAnchorProvider}),
 * its ports ({@link PortMap}) and its catalog ({@link LabSites}).
 *
 * <p>How a DoH resolver finds the lab's DoH endpoint, whose port is ephemeral: these services
 * carry the fixed property {@value #DOH_URL_PROPERTY} = {@value #DOH_URL} (no port), and the
 * port comes the way the Internet carries it, from the HTTPS record (RFC 9460 {@code port=}) of
 * {@code doh.lab.test} that this zone server answers — a DoH client bootstraps its server's
 * address through ordinary DNS (RFC 8484 §10). A Declarative Services component cannot change
 * its service properties after activation (that needs a Felix extension), hence no port here.
 * {@link LabWorld#dohUrl()} gives the full URL, port included, to code that holds the world.
 *
 * <p>The services are registered by hand once the world runs, not declared to Declarative
 * Services: a lab whose configuration is wrong registers no lab service at all, but a
 * {@link ConfigProblem} naming the file and line, so start-up says it in one line at once instead
 * of a stack trace repeated at every use and a launcher waiting for a lab that never comes.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, immediate = true, service = {},
        property = {"navemu.lab=world", LabComponent.DOH_URL_PROPERTY + "=" + LabComponent.DOH_URL})
public final class LabComponent implements ZoneServer, TrustAnchorProvider, PortMap, LabSites, ServerWork {

    /** Service property: the URL of the lab's DNS-over-HTTPS endpoint for {@link #zone()} (absent when the lab has none). */
    public static final String DOH_URL_PROPERTY = "navemu.doh.url";
    /** The lab's DoH endpoint without its (ephemeral) port: {@code doh.lab.test} of {@code config/lab/sites.conf}. */
    public static final String DOH_URL = "https://doh.lab.test/dns-query";

    private volatile LabWorld world;
    private volatile ServiceRegistration<?> registration;

    @Activate
    void activate(BundleContext context) throws IOException {
        String configDir = context.getProperty(Environment.CONFIG_DIR);
        if (configDir == null) {
            throw new IllegalStateException("the lab needs the framework property " + Environment.CONFIG_DIR
                    + " (the directory holding lab/sites.conf and lab/lab.test.zone)");
        }
        String home = context.getProperty(Environment.HOME);
        Path homePath = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".navemu");
        LabWorld started;
        try {
            started = LabWorld.start(homePath, Path.of(configDir));
        } catch (LabConfigException | IOException | UncheckedIOException e) {
            String message = e instanceof NoSuchFileException missing
                    ? missing.getFile() + ": missing (the lab needs lab/sites.conf, lab/lab.test.zone and lab/dns-faults.conf)"
                    : e instanceof LabConfigException ? e.getMessage() : "the lab did not start: " + e.getMessage();
            ConfigProblem problem = new ConfigProblem("lab", message);
            registration = context.registerService(Supplier.class, problem, problem.properties());
            return;
        }
        // After a cold start the slow keys (RSA 4096) are still being made. Wait for them here, so
        // that the shell's first command never meets a site whose handshake outlasts a client's
        // read timeout, and say so, since it takes seconds. With the CA cache filled (every later
        // run) nothing is waited for: each site reads its key at its first handshake.
        if (!started.missingCacheFiles().isEmpty()) {
            try (FirstStartProgress progress = FirstStartProgress.start(System.err, started.caDirectory(),
                    started.missingCacheFiles())) {
                started.awaitCertificates(CERTIFICATES_TIMEOUT);
            } catch (IOException e) {
                System.err.println("navemu lab: " + e.getMessage() + "; the sites concerned answer once it is made");
            }
        }
        world = started;
        Map<String, Object> properties = new HashMap<>();
        properties.put("navemu.lab", "world");
        properties.put(DOH_URL_PROPERTY, DOH_URL);
        registration = context.registerService(new String[] {ZoneServer.class.getName(), TrustAnchorProvider.class.getName(),
                PortMap.class.getName(), LabSites.class.getName(), ServerWork.class.getName()}, this, FrameworkUtil.asDictionary(properties));
    }

    /** How long start-up waits for the lab CA's first certificates (a cold cache on a slow machine). */
    static final java.time.Duration CERTIFICATES_TIMEOUT = java.time.Duration.ofSeconds(90);

    @Deactivate
    void deactivate() {
        ServiceRegistration<?> registered = registration;
        registration = null;
        if (registered != null) {
            try {
                registered.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        LabWorld running = world;
        world = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public String zone() {
        return LabWorld.ZONE;
    }

    @Override
    public InetSocketAddress address() {
        return running().dnsAddress();
    }

    @Override
    public String name() {
        return "lab root";
    }

    @Override
    public List<X509Certificate> anchors() {
        return List.of(running().rootCertificate());
    }

    @Override
    public Optional<PortHint> port(String host, String scheme) {
        LabWorld lab = running();
        return lab.portFor(host, scheme).stream().boxed().findFirst()
                .map(port -> new PortHint(port, "lab port map (" + lab.sitesFile() + ")"));
    }

    @Override
    public List<LabSite> sites() {
        return running().sites();
    }

    /** The lab server's CPU time on a connection to one of its sites, so a step does not count it as the network's. */
    @Override
    public long cpuNanos(InetSocketAddress client, InetSocketAddress server) {
        LabWorld lab = world;
        return lab == null ? -1 : lab.serverCpuNanos(client, server);
    }

    private LabWorld running() {
        LabWorld lab = world;
        if (lab == null) {
            throw new IllegalStateException("the lab world is stopped");
        }
        return lab;
    }
}
