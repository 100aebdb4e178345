package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import navemu.api.Slot;

/**
 * The registry names implementations without activating them, activates one at its first use
 * only, once, and forgets it when its service goes.
 */
class SlotRegistryTest {

    /** Counts how often Declarative Services would have been asked to activate the component. */
    private static class CountingHandle implements ComponentServiceObjects<Object> {
        final Object service = new Object();
        final ServiceReference<Object> reference = reference();
        int gets;

        @Override
        public Object getService() {
            gets++;
            return service;
        }

        @Override
        public void ungetService(Object service) {
        }

        @Override
        public ServiceReference<Object> getServiceReference() {
            return reference;
        }
    }

    /** A service reference that is equal only to itself, as the framework's are. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<Object> reference() {
        return (ServiceReference<Object>) java.lang.reflect.Proxy.newProxyInstance(SlotRegistryTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "reference@" + System.identityHashCode(proxy);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void namingAndCheckingActivateNothing() {
        SlotRegistry registry = new SlotRegistry();
        CountingHandle jsse = new CountingHandle();
        CountingHandle browser = new CountingHandle();
        registry.add(Slot.TLS, "jsse", jsse);
        registry.add(Slot.TLS, "browser", browser);

        assertEquals(List.of("browser", "jsse"), registry.names(Slot.TLS));
        assertTrue(registry.contains(Slot.TLS, "jsse"));
        assertFalse(registry.contains(Slot.TLS, "engine"));
        assertFalse(registry.contains(Slot.TLS, null));
        assertEquals(0, jsse.gets + browser.gets);
    }

    @Test
    void theFirstUseActivatesOnceAndLaterUsesGetTheSameObject() {
        SlotRegistry registry = new SlotRegistry();
        CountingHandle jsse = new CountingHandle();
        registry.add(Slot.TLS, "jsse", jsse);

        Optional<Object> first = registry.find(Slot.TLS, "jsse");
        Optional<Object> second = registry.find(Slot.TLS, "jsse");

        assertSame(jsse.service, first.orElseThrow());
        assertSame(jsse.service, second.orElseThrow());
        assertEquals(1, jsse.gets);
        assertEquals(Optional.empty(), registry.find(Slot.TLS, "engine"));
    }

    @Test
    void aRemovedServiceIsGoneButALaterOneOfTheSameNameIsKept() {
        SlotRegistry registry = new SlotRegistry();
        CountingHandle old = new CountingHandle();
        CountingHandle replacement = new CountingHandle();
        registry.add(Slot.DNS, "hosts", old);
        registry.add(Slot.DNS, "hosts", replacement);

        registry.remove(Slot.DNS, "hosts", old); // the older bundle leaves after the newer one came
        assertSame(replacement.service, registry.find(Slot.DNS, "hosts").orElseThrow());

        registry.remove(Slot.DNS, "hosts", replacement);
        assertFalse(registry.contains(Slot.DNS, "hosts"));
        assertEquals(Optional.empty(), registry.find(Slot.DNS, "hosts"));
    }

    @Test
    void anImplementationWhoseActivationFailedIsNotFound() {
        SlotRegistry registry = new SlotRegistry();
        CountingHandle failing = new CountingHandle() {
            @Override
            public Object getService() {
                gets++;
                return null; // what Declarative Services returns when the activate method threw
            }
        };
        registry.add(Slot.CERT, "pkix", failing);

        assertEquals(Optional.empty(), registry.find(Slot.CERT, "pkix"));
        assertTrue(registry.contains(Slot.CERT, "pkix"));
    }
}
