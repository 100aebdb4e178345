package navemu.runtime.stuck;

import java.util.concurrent.CountDownLatch;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a deliberately broken bundle (LauncherIT packs this one class into a jar):
 * its stop never returns, and it leaves a JVM shutdown hook that never returns either, like a
 * library that outlives its bundle. navemu must still exit.
 */
public final class StuckActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Runtime.getRuntime().addShutdownHook(new Thread(StuckActivator::waitForever, "stuck-bundle-shutdown-hook"));
    }

    @Override
    public void stop(BundleContext context) {
        waitForever();
    }

    static void waitForever() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Ignored on purpose: this bundle is the one that never lets go.
            }
        }
    }
}
