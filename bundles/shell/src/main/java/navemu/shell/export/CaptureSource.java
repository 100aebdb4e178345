package navemu.shell.export;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import navemu.api.result.NavigationResult;
import navemu.navigator.capture.CaptureHistory;
import navemu.navigator.capture.NavigationCapture;

/**
 * Finds a result's wire capture in the navigator's {@link CaptureHistory} service, looked up at
 * the moment {@code export pcap} runs (the navigator may have been restarted since).
 */
public final class CaptureSource {

    private CaptureSource() {
    }

    /** The capture of {@code result}, or empty with no navigator running or no capture kept for it. */
    public static Optional<NavigationCapture> of(BundleContext context, NavigationResult result) {
        ServiceReference<CaptureHistory> reference = context.getServiceReference(CaptureHistory.class);
        if (reference == null) {
            return Optional.empty();
        }
        CaptureHistory history = context.getService(reference);
        try {
            return history == null ? Optional.empty() : history.of(result);
        } finally {
            context.ungetService(reference);
        }
    }
}
