package navemu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @Test
    void eachCfgFileIsOneConfigurationNamedByItsPid(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("navemu.composition.cfg"), "# comment\ntls = jsse\ncert=jdk\n");
        Files.writeString(dir.resolve("ignored.txt"), "x=y");

        var configs = ConfigFiles.read(dir).byPid();

        assertEquals(1, configs.size());
        assertEquals("jsse", configs.get("navemu.composition").get("tls"));
        assertEquals("jdk", configs.get("navemu.composition").get("cert"));
        assertEquals(dir.resolve("navemu.composition.cfg").toAbsolutePath().toString(),
                configs.get("navemu.composition").get(ConfigFiles.FILE_PROPERTY), "each knows its file, for messages");
    }

    @Test
    void aMissingDirectoryMeansNoConfiguration(@TempDir Path dir) throws IOException {
        assertTrue(ConfigFiles.read(dir.resolve("absent")).byPid().isEmpty());
    }

    @Test
    void aFileThatCannotBeReadIsOneProblemNamingItAndTheOthersStillLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("navemu.composition.cfg"), "tls = jsse\n");
        // A malformed \\uXXXX escape makes java.util.Properties give up on the whole file.
        Files.writeString(dir.resolve("navemu.dns.cfg"), "servers = \\uZZZZ\n");

        ConfigFiles.Read read = ConfigFiles.read(dir);

        assertEquals(java.util.Set.of("navemu.composition"), read.byPid().keySet());
        assertEquals(1, read.problems().size(), read.problems().toString());
        assertTrue(read.problems().get(0).startsWith(dir.resolve("navemu.dns.cfg") + ": "), read.problems().get(0));
    }
}
