package navemu.navigator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.ConfigProblem;
import navemu.api.Slot;
import navemu.api.cert.CertificateValidator;
import navemu.api.dns.DnsResolver;
import navemu.api.hsts.HstsStore;
import navemu.api.nav.Composition;
import navemu.api.session.SessionStore;
import navemu.api.tcp.TcpConnector;
import navemu.api.tls.TlsClient;

/**
 * The composition: tracks every slot implementation as its bundle comes and goes (dynamic,
 * greedy, multiple references, so a swap never waits for a restart), and holds the active
 * choice per slot. It binds each implementation's {@link ComponentServiceObjects}, not its
 * object, so none is activated until a navigation uses it ({@link SlotRegistry}).
 *
 * <p>The starting choices come from the ConfigAdmin configuration {@code navemu.composition}
 * (the file {@code config/osgi/navemu.composition.cfg}: one {@code slot=impl} line per slot);
 * {@code use SLOT IMPL} changes them while the program runs.
 */
@Component(service = Composition.class, configurationPid = "navemu.composition")
public final class CompositionComponent implements Composition {

    /** Used when no configuration names a slot's implementation. */
    static final Map<Slot, String> BUILT_IN_DEFAULTS = Map.of(
            Slot.HSTS, "memory", Slot.DNS, "dnsjava", Slot.TCP, "socket",
            Slot.TLS, "browser", Slot.CERT, "pkix", Slot.SESSION, "memory");

    private final SlotRegistry registry = new SlotRegistry();
    private final Map<Slot, String> active = new EnumMap<>(Slot.class);
    /** Slots the user changed with {@code use}: a later configuration update does not undo them. */
    private final Map<Slot, Boolean> chosenByUser = new EnumMap<>(Slot.class);
    /** A {@link ConfigProblem} for each key of the configuration that is not a slot. */
    private final List<ServiceRegistration<?>> problems = new ArrayList<>();

    public CompositionComponent() {
        active.putAll(BUILT_IN_DEFAULTS);
    }

    @Activate
    @Modified
    synchronized void configure(BundleContext context, Map<String, Object> properties) {
        withdrawProblems();
        for (String line : CompositionSettings.problems(properties)) {
            ConfigProblem problem = new ConfigProblem("composition", line);
            problems.add(context.registerService(Supplier.class, problem, problem.properties()));
        }
        applyChoices(properties);
    }

    /**
     * The starting choices. (Not an overload of {@code configure}: Declarative Services would
     * prefer a one-argument activate method over the two-argument one.)
     */
    private void applyChoices(Map<String, Object> properties) {
        for (Slot slot : Slot.values()) {
            Object configured = properties.get(slot.key());
            if (configured != null && !chosenByUser.containsKey(slot)) {
                active.put(slot, configured.toString().trim());
            }
        }
    }

    @Deactivate
    synchronized void withdrawProblems() {
        for (ServiceRegistration<?> problem : problems) {
            try {
                problem.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework withdrew it with the bundle
            }
        }
        problems.clear();
    }

    @Override
    public List<String> implementations(Slot slot) {
        return registry.names(slot);
    }

    @Override
    public synchronized Map<Slot, String> active() {
        Map<Slot, String> copy = new LinkedHashMap<>();
        for (Slot slot : Slot.values()) {
            copy.put(slot, active.get(slot));
        }
        return copy;
    }

    @Override
    public synchronized void use(Slot slot, String impl) {
        if (!registry.contains(slot, impl)) {
            throw new IllegalArgumentException("no " + slot.key() + " implementation called '" + impl
                    + "'; registered now: " + String.join(", ", registry.names(slot)));
        }
        active.put(slot, impl);
        chosenByUser.put(slot, Boolean.TRUE);
    }

    @Override
    public <T> Optional<T> service(Slot slot, String impl, Class<T> type) {
        return registry.find(slot, impl).filter(type::isInstance).map(type::cast);
    }

    @Override
    public Optional<String> problem(Slot slot) {
        String name;
        synchronized (this) {
            name = active.get(slot);
        }
        if (registry.contains(slot, name)) {
            return Optional.empty();
        }
        List<String> others = registry.names(slot);
        return Optional.of("the active " + slot.key() + " implementation '" + name
                + "' is not registered (its bundle is stopped, uninstalled or was never installed)"
                + (others.isEmpty() ? "; no other is available" : "; available: " + String.join(", ", others)));
    }

    // --- OSGi bind/unbind: one pair per slot interface -------------------------------------

    private void bind(Slot slot, ComponentServiceObjects<?> service, Map<String, Object> properties) {
        Object impl = properties.get(Slot.PROPERTY_IMPL);
        if (impl != null) {
            registry.add(slot, impl.toString(), service);
        }
    }

    private void unbind(Slot slot, ComponentServiceObjects<?> service, Map<String, Object> properties) {
        Object impl = properties.get(Slot.PROPERTY_IMPL);
        if (impl != null) {
            registry.remove(slot, impl.toString(), service);
        }
    }

    @Reference(service = HstsStore.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindHsts")
    void bindHsts(ComponentServiceObjects<HstsStore> s, Map<String, Object> p) { bind(Slot.HSTS, s, p); }
    void unbindHsts(ComponentServiceObjects<HstsStore> s, Map<String, Object> p) { unbind(Slot.HSTS, s, p); }

    @Reference(service = DnsResolver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDns")
    void bindDns(ComponentServiceObjects<DnsResolver> s, Map<String, Object> p) { bind(Slot.DNS, s, p); }
    void unbindDns(ComponentServiceObjects<DnsResolver> s, Map<String, Object> p) { unbind(Slot.DNS, s, p); }

    @Reference(service = TcpConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindTcp")
    void bindTcp(ComponentServiceObjects<TcpConnector> s, Map<String, Object> p) { bind(Slot.TCP, s, p); }
    void unbindTcp(ComponentServiceObjects<TcpConnector> s, Map<String, Object> p) { unbind(Slot.TCP, s, p); }

    @Reference(service = TlsClient.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindTls")
    void bindTls(ComponentServiceObjects<TlsClient> s, Map<String, Object> p) { bind(Slot.TLS, s, p); }
    void unbindTls(ComponentServiceObjects<TlsClient> s, Map<String, Object> p) { unbind(Slot.TLS, s, p); }

    @Reference(service = CertificateValidator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindCert")
    void bindCert(ComponentServiceObjects<CertificateValidator> s, Map<String, Object> p) { bind(Slot.CERT, s, p); }
    void unbindCert(ComponentServiceObjects<CertificateValidator> s, Map<String, Object> p) { unbind(Slot.CERT, s, p); }

    @Reference(service = SessionStore.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSession")
    void bindSession(ComponentServiceObjects<SessionStore> s, Map<String, Object> p) { bind(Slot.SESSION, s, p); }
    void unbindSession(ComponentServiceObjects<SessionStore> s, Map<String, Object> p) { unbind(Slot.SESSION, s, p); }
}
