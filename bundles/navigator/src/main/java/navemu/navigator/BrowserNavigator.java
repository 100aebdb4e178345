package navemu.navigator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.NavigationException;
import navemu.api.nav.Composition;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.Navigator;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.navigator.http2.HttpTransports;
import navemu.navigator.capture.CaptureHistory;
import navemu.navigator.capture.NavigationCapture;

/**
 * The {@link Navigator} service: snapshots the composition, then runs the navigation.
 * Port maps (the lab's) are tracked as they come and go.
 */
@Component(service = Navigator.class, configurationPid = "navemu.navigator")
public final class BrowserNavigator implements Navigator {

    @Reference
    private Composition composition;

    /** Keeps the last navigations' bytes for {@code export pcap}; absent (no capture) outside OSGi. */
    @Reference
    private CaptureHistory captures;

    private final List<PortMap> portMaps = new CopyOnWriteArrayList<>();
    private static final AtomicReference<List<String>> LAST_PROBLEMS_SAID = new AtomicReference<>(List.of());
    private volatile Deadlines deadlines = Deadlines.DEFAULT;
    /** What the TLS handshake offers in ALPN: h2 and http/1.1, or http/1.1 alone when {@code http2 = false}. */
    private volatile List<String> alpn = HttpTransports.ALPN_WITH_H2;
    /** The background warm-up, when there is one: a user navigation waits for it rather than race it for the CPU. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Prewarm prewarm;

    public BrowserNavigator() {
    }

    /** For tests: a navigator over an explicit composition, outside OSGi. */
    public BrowserNavigator(Composition composition, List<PortMap> portMaps) {
        this.composition = composition;
        this.portMaps.addAll(portMaps);
    }

    /** For tests: a navigator that keeps its navigations' captures in {@code captures}. */
    public BrowserNavigator(Composition composition, List<PortMap> portMaps, CaptureHistory captures) {
        this(composition, portMaps);
        this.captures = captures;
    }

    /** For tests: as above, with deadlines of the test's choosing. */
    BrowserNavigator(Composition composition, List<PortMap> portMaps, Deadlines deadlines) {
        this(composition, portMaps);
        this.deadlines = deadlines;
    }

    /** Settings of pid {@code navemu.navigator}: the {@link Deadlines}. A bad value is refused by name. */
    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Deadlines configured = Deadlines.read(properties);
        // SCR may activate a new instance for the same file (a reference rebinds): say each problem once.
        if (!configured.problems().equals(LAST_PROBLEMS_SAID.getAndSet(configured.problems()))) {
            configured.problems().forEach(problem -> System.err.println("navemu: " + problem));
        }
        deadlines = configured;
        try {
            alpn = HttpTransports.alpnOffer(HttpTransports.http2Setting(properties.get(HttpTransports.SETTING)));
        } catch (IllegalArgumentException e) {
            System.err.println("navemu: " + e.getMessage());
            alpn = HttpTransports.ALPN_WITH_H2;
        }
    }

    @Override
    public NavigationResult navigate(NavigationRequest request) {
        Prewarm warming = prewarm;
        if (warming != null) {
            warming.awaitIdle(Prewarm.MOST_A_NAVIGATION_WAITS);
        }
        Snapshot snapshot;
        try {
            snapshot = Snapshot.take(composition, request.overrides()).in(request.scope());
        } catch (NavigationException e) {
            return failedBeforeStart(request, e);
        }
        CaptureHistory history = captures;
        if (history == null) {
            return new NavigationRun(request, snapshot, this::portHint, deadlines).offering(alpn).run();
        }
        // The capture taps the tcp slot and the key log of this navigation only; the run does not know it is there.
        NavigationCapture capture = history.start();
        NavigationResult result = new NavigationRun(request.withKeyLog(capture.keyLogThen(request.keyLog())),
                snapshot.withTcp(capture.connector(snapshot.tcp())), this::portHint, deadlines).offering(alpn).run();
        history.keep(result, capture);
        return result;
    }

    private Optional<PortHint> portHint(TargetUrl url) {
        for (PortMap map : portMaps) {
            Optional<PortHint> hint = map.port(url.host(), url.scheme());
            if (hint.isPresent()) {
                return hint;
            }
        }
        return Optional.empty();
    }

    private NavigationResult failedBeforeStart(NavigationRequest request, NavigationException e) {
        NavigationResult result = new NavigationResult();
        result.url = request.url();
        result.ok = false;
        result.error = e.error().name();
        result.errorMessage = e.getMessage();
        composition.active().forEach((slot, impl) -> result.composition.put(slot.key(), impl));
        request.overrides().forEach((slot, impl) -> result.composition.put(slot.key(), impl));
        StepResult none = new StepResult();
        none.step = "composition";
        none.ok = false;
        none.error = e.error().name();
        none.detail.put("message", e.getMessage());
        result.steps.add(none);
        return result;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePortMap")
    void addPortMap(PortMap map) {
        portMaps.add(map);
    }

    void removePortMap(PortMap map) {
        portMaps.remove(map);
    }
}
