package navemu.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lab's certificate authority, made once per test run by a real first start of
 * {@code navemu.jar}, and copied into each new home the tests start navemu on.
 *
 * <p>Making it is the slowest part of a first start (an RSA 4096 key among its keys: some 8 s
 * here, more under load). Paid again by each of the thirty-odd homes the integration tests use,
 * it was about a third of {@code mvn verify}'s time. A copy is what a user's second start finds:
 * the files the first start left in {@code lab/ca}. The tests about the first start itself use
 * {@link NavemuProcess#firstStart}, which leaves the home as it is.
 */
final class LabCa {
    /** The root's file in {@code lab/ca} (the lab's {@code LabCertificateAuthority.ROOT_CERTIFICATE_FILE}). */
    private static final String ROOT_CERTIFICATE_FILE = "lab-root.crt";

    private static Path made;

    private LabCa() {
    }

    /**
     * Gives {@code home} a copy of the run's lab CA, unless it has a lab CA already or is not a
     * directory (a test of that leaves it as it is).
     */
    static synchronized void copyInto(Path home) throws IOException, InterruptedException {
        Path target = home.resolve("lab/ca");
        if ((Files.exists(home) && !Files.isDirectory(home)) || Files.exists(target)) {
            return;
        }
        Path source = made();
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** The CA made by a first start on a home of its own under {@code target/} (which the build cleans). */
    private static Path made() throws IOException, InterruptedException {
        if (made == null) {
            Path home = Files.createTempDirectory(Path.of("target"), "it-lab-ca-");
            // The first start waits until every site's certificate is made, so the copy lacks none.
            NavemuProcess.Outcome first = NavemuProcess.firstStart(home, List.of(), null, "-c", "quit");
            Path ca = home.resolve("lab/ca");
            if (first.exitCode() != 0 || !Files.isRegularFile(ca.resolve(ROOT_CERTIFICATE_FILE))) {
                fail("the first start meant to make the tests' lab CA did not: " + first);
            }
            made = ca;
        }
        return made;
    }
}
