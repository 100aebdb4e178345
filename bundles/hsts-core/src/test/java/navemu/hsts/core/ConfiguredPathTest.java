package navemu.hsts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Where a configured file goes: the configured path, resolved against a base directory. */
class ConfiguredPathTest {

    private final Path home = Path.of("/home/u/.navemu");

    private Path resolve(String configured) {
        return ConfiguredPath.resolve(configured, "navemu.home", home, "hsts.json");
    }

    @Test
    void withoutConfigurationTheFileIsTheDefaultNameInTheBaseDirectory() {
        assertEquals(Path.of("/home/u/.navemu/hsts.json"), resolve(null));
        assertEquals(Path.of("/home/u/.navemu/hsts.json"), resolve("  "));
    }

    @Test
    void theVariableAndRelativePathsAreTakenFromTheBaseDirectory() {
        assertEquals(Path.of("/home/u/.navemu/x/h.json"), resolve("${navemu.home}/x/h.json"));
        assertEquals(Path.of("/home/u/.navemu/h.json"), resolve("h.json"));
    }

    @Test
    void anotherVariableIsNotExpanded() {
        assertEquals(Path.of("/home/u/.navemu/${navemu.config.dir}/h.json"), resolve("${navemu.config.dir}/h.json"));
    }

    @Test
    void anAbsolutePathIsTakenAsItIs() {
        assertEquals(Path.of("/var/lib/h.json"), resolve("/var/lib/h.json"));
    }

    @Test
    void aLeadingTildeIsTheUsersHome() {
        assertEquals(Path.of(System.getProperty("user.home"), "h.json"), resolve("~/h.json"));
    }

    @Test
    void anUnsetFrameworkPropertyFallsBack() {
        assertEquals(Path.of("/fallback"), ConfiguredPath.directory(null, Path.of("/fallback")));
        assertEquals(Path.of("/fallback"), ConfiguredPath.directory(" ", Path.of("/fallback")));
        assertEquals(Path.of("/tmp/n"), ConfiguredPath.directory("/tmp/n", Path.of("/fallback")));
        assertEquals(Path.of(System.getProperty("user.home"), ".navemu"), ConfiguredPath.defaultHome());
    }
}
