package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.Slot;

class CompositionSettingsTest {

    @Test
    void withoutAConfigurationTheTlsSlotIsTheBrowserClientAsInTheShippedFile() throws Exception {
        assertEquals("browser", new CompositionComponent().active().get(Slot.TLS));
        // The shipped default composition says the same (the file the user edits).
        Path shipped = Path.of("../../config/osgi/navemu.composition.cfg");
        Properties file = new Properties();
        try (var in = Files.newBufferedReader(shipped)) {
            file.load(in);
        }
        for (Slot slot : Slot.values()) {
            assertEquals(file.getProperty(slot.key()), new CompositionComponent().active().get(slot), slot.key());
        }
    }

    @Test
    void aKeyThatIsNotASlotIsOneLineNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("navemu.composition.cfg"), "# comment\ntls = browser\n tsl = jsse\n");
        List<String> problems = CompositionSettings.problems(Map.of("tls", "browser", "tsl", "jsse",
                CompositionSettings.FILE_PROPERTY, file.toString()));
        assertEquals(List.of(file + ":3: 'tsl' is not a slot (the slots are hsts, dns, tcp, tls, cert, session)"), problems);
    }

    @Test
    void whatTheFrameworkAddsIsNoProblem() {
        assertEquals(List.of(), CompositionSettings.problems(Map.of("service.pid", "navemu.composition",
                "component.name", "x", "component.id", 3L, "osgi.ds.satisfying.condition.target", "(x=y)",
                "felix.fileinstall.filename", "f", "cert", "pkix")));
    }

    @Test
    void withoutItsFileTheMessageNamesTheConfiguration() {
        assertEquals(List.of("navemu.composition: 'dsn' is not a slot (the slots are hsts, dns, tcp, tls, cert, session)"),
                CompositionSettings.problems(Map.of("dsn", "doh")));
    }
}
