package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * tls-core's surface is what the three TLS bundles use: the bundle exports only
 * {@code navemu.tls.core.client}, whose public classes are the three clients and their
 * configurations; the handshakes, their I/O and narration stay package-private, and no public
 * signature there names a Bouncy Castle type.
 */
class ExportedSurfaceTest {
    private static final Set<String> PUBLIC_CLASSES = Set.of("BrowserClient", "Tls12Client", "Tls12ClientConfig",
            "Tls13Client", "Tls13ClientConfig");

    private static Path classesDir() throws URISyntaxException {
        return Path.of(Tls13Client.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theBundleExportsOnlyTheClientPackage() throws Exception {
        Path manifest = classesDir().resolve("META-INF/MANIFEST.MF");
        String exports;
        try (var in = Files.newInputStream(manifest)) {
            exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
        }
        assertEquals("navemu.tls.core.client", exports.split(";")[0]);
        assertFalse(exports.replaceAll("\"[^\"]*\"", "").contains(","), "more than one package exported: " + exports);
    }

    @Test
    void onlyTheClientsAndTheirConfigurationsArePublic() throws Exception {
        Set<String> publicClasses = new TreeSet<>();
        for (Class<?> c : clientPackageClasses()) {
            if (Modifier.isPublic(c.getModifiers()) && c.getEnclosingClass() == null) {
                publicClasses.add(c.getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(PUBLIC_CLASSES), publicClasses);
    }

    @Test
    void noPublicSignatureNamesABouncyCastleType() throws Exception {
        for (Class<?> c : clientPackageClasses()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            for (Method m : c.getMethods()) {
                Stream.concat(Stream.of(m.getReturnType()), Arrays.stream(m.getParameterTypes())).forEach(t ->
                        assertFalse(t.getName().startsWith("org.bouncycastle"), c.getSimpleName() + "." + m.getName() + " uses " + t));
            }
        }
    }

    private static Set<Class<?>> clientPackageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = classesDir().resolve("navemu/tls/core/client");
        Set<Class<?>> classes = new java.util.HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    classes.add(Class.forName("navemu.tls.core.client." + name.substring(0, name.length() - 6)));
                }
            }
        }
        return classes;
    }
}
