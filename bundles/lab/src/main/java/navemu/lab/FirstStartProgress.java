package navemu.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import navemu.lab.ca.LabCertificateAuthority;

/**
 * What the user sees while the lab makes its keys (the first start on a home: an RSA 4096 key
 * takes seconds, more on a small machine): one line saying what is happening and that it happens
 * once, then a dot a second, then how long it took. On standard error, so that {@code --json}
 * output stays clean.
 */
final class FirstStartProgress implements AutoCloseable {
    static final Duration DOT_INTERVAL = Duration.ofSeconds(1);

    private final PrintStream out;
    private final long started = System.nanoTime();
    private final Thread dots;

    private FirstStartProgress(PrintStream out) {
        this.out = out;
        this.dots = new Thread(this::printDots, "navemu-lab first start progress");
        this.dots.setDaemon(true);
    }

    /**
     * Says what is being made and starts the dots.
     *
     * @param missing the CA cache files that were not there ({@link LabWorld#missingCacheFiles()}), not empty
     */
    static FirstStartProgress start(PrintStream out, Path caDirectory, List<Path> missing) {
        FirstStartProgress progress = new FirstStartProgress(out);
        out.print(announcement(caDirectory, missing));
        out.flush();
        progress.dots.start();
        return progress;
    }

    /** The first line, without its end: the dots follow it. */
    static String announcement(Path caDirectory, List<Path> missing) {
        if (missing.contains(LabCertificateAuthority.rootFile(caDirectory))) {
            return "navemu: creating the lab's certificate authority in " + caDirectory
                    + " (first start only: making its keys takes a few seconds)";
        }
        return "navemu: making " + missing.size() + " lab certificate" + (missing.size() == 1 ? "" : "s")
                + " missing from " + caDirectory + " (once)";
    }

    private void printDots() {
        try {
            while (true) {
                Thread.sleep(DOT_INTERVAL.toMillis());
                synchronized (out) {
                    out.print('.');
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            // done
        }
    }

    /** Stops the dots and ends the line with the time it took. */
    @Override
    public void close() {
        dots.interrupt();
        try {
            dots.join(DOT_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        synchronized (out) {
            out.println(" done in " + seconds + " s");
        }
    }
}
