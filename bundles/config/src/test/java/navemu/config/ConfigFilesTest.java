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

        var configs = ConfigFiles.read(dir);

        assertEquals(1, configs.size());
        assertEquals("jsse", configs.get("navemu.composition").get("tls"));
        assertEquals("jdk", configs.get("navemu.composition").get("cert"));
    }

    @Test
    void aMissingDirectoryMeansNoConfiguration(@TempDir Path dir) throws IOException {
        assertTrue(ConfigFiles.read(dir.resolve("absent")).isEmpty());
    }
}
