package navemu.navigator.capture;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.result.NavigationResult;

/**
 * The captures of the last navigations, found by their result: what {@code export pcap} writes.
 * Every navigation is captured (as DevTools records the network while it is open, so a capture
 * exists when the user thinks of asking for it), and only the last {@value #KEPT} are kept, at
 * most twice a navigation's limit together (32 MiB), the newest always. A shell session keeps far more
 * results than captures; an older result simply has no capture any more.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = CaptureHistory.class)
public final class CaptureHistory {
    /** Navigations whose capture is kept: enough for a {@code compare} (two) and the one before. */
    public static final int KEPT = 4;

    private record Kept(NavigationResult result, NavigationCapture capture) {
    }

    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private final long byteLimit;

    public CaptureHistory() {
        this(NavigationCapture.DEFAULT_BYTE_LIMIT);
    }

    /** For tests: captures that keep at most {@code byteLimit} bytes per navigation. */
    public CaptureHistory(long byteLimit) {
        this.byteLimit = byteLimit;
    }

    /** A new, empty capture for a navigation about to start. */
    public NavigationCapture start() {
        return new NavigationCapture(byteLimit);
    }

    /** Keeps a finished navigation's capture, dropping the oldest beyond the count or the byte budget. */
    public synchronized void keep(NavigationResult result, NavigationCapture capture) {
        kept.addLast(new Kept(result, capture));
        while (kept.size() > KEPT) {
            kept.removeFirst();
        }
        long bytes = 0;
        for (Iterator<Kept> newestFirst = kept.descendingIterator(); newestFirst.hasNext(); ) {
            Kept entry = newestFirst.next();
            bytes += entry.capture().bytesKept();
            if (bytes > 2 * byteLimit && entry != kept.peekLast()) {
                newestFirst.remove();
            }
        }
    }

    /** The capture of this very result (the same object the navigator returned), while it is kept. */
    public synchronized Optional<NavigationCapture> of(NavigationResult result) {
        for (Kept entry : kept) {
            if (entry.result() == result) {
                return Optional.of(entry.capture());
            }
        }
        return Optional.empty();
    }
}
