package navemu.trust;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The system CA bundle plus any extra PEM files, read once on first use (a CA bundle holds ~150
 * certificates; parsing it at start-up would slow the prompt for a navigation that may never come).
 */
public final class TrustStore {

    private final Path systemBundle;
    private final List<Path> extra;
    private volatile Loaded loaded;

    /** What was read. */
    private record Loaded(List<X509Certificate> anchors, String name) {
    }

    public TrustStore(Path systemBundle, List<Path> extra) {
        this.systemBundle = systemBundle;
        this.extra = List.copyOf(extra);
    }

    public List<X509Certificate> anchors() {
        return load().anchors();
    }

    public String name() {
        return load().name();
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = read();
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded read() {
        Set<X509Certificate> anchors = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>();
        PemBundle system = PemBundle.read(systemBundle);
        anchors.addAll(system.certificates());
        parts.add("system CA bundle " + system.describe());
        for (Path path : extra) {
            PemBundle bundle = PemBundle.read(path);
            anchors.addAll(bundle.certificates());
            parts.add("extra " + bundle.describe());
        }
        return new Loaded(List.copyOf(anchors), String.join(", ", parts));
    }
}
