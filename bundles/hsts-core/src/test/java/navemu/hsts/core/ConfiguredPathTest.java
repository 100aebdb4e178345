package navemu.hsts.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Where the file goes: the configured path, resolved against the navemu home. */
class StorePathsTest {

    private final Path home = Path.of("/home/u/.navemu");

    @Test
    void withoutConfigurationTheFileIsHstsJsonInTheNavemuHome() {
        assertEquals(Path.of("/home/u/.navemu/hsts.json"), StorePaths.resolve(null, home, "hsts.json"));
        assertEquals(Path.of("/home/u/.navemu/hsts.json"), StorePaths.resolve("  ", home, "hsts.json"));
    }

    @Test
    void theHomeVariableAndRelativePathsAreTakenFromTheNavemuHome() {
        assertEquals(Path.of("/home/u/.navemu/x/h.json"), StorePaths.resolve("${navemu.home}/x/h.json", home, "hsts.json"));
        assertEquals(Path.of("/home/u/.navemu/h.json"), StorePaths.resolve("h.json", home, "hsts.json"));
    }

    @Test
    void anAbsolutePathIsTakenAsItIs() {
        assertEquals(Path.of("/var/lib/h.json"), StorePaths.resolve("/var/lib/h.json", home, "hsts.json"));
    }

    @Test
    void aLeadingTildeIsTheUsersHome() {
        assertEquals(Path.of(System.getProperty("user.home"), "h.json"), StorePaths.resolve("~/h.json", home, "x"));
    }

    @Test
    void withoutTheFrameworkPropertyTheHomeIsDotNavemu() {
        assertEquals(Path.of(System.getProperty("user.home"), ".navemu"), StorePaths.home(null));
        assertEquals(Path.of("/tmp/n"), StorePaths.home("/tmp/n"));
    }
}
