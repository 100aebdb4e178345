package navemu.shell.navigation;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;

import navemu.api.tls.KeyLog;
import navemu.shell.command.Session;

/**
 * The NSS key log format that Wireshark reads to decrypt a capture: one line per secret,
 * {@code LABEL <client_random hex> <secret hex>}, appended and flushed as it comes, so a capture
 * can be decrypted while navemu still runs
 * (https://firefox-source-docs.mozilla.org/security/nss/legacy/key_log_format/).
 *
 * <p>The secrets decrypt everything the navigations sent, so a new file is created readable and
 * writable by its owner only (0600), whatever the umask; a file that already exists keeps the
 * permissions its owner gave it.
 */
public final class NssKeyLogFile implements KeyLog, Closeable {
    /** The variable browsers and curl honour; navemu does too. */
    public static final String ENVIRONMENT_VARIABLE = "SSLKEYLOGFILE";

    /** rw------- : only the user who ran navemu can read the secrets. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final BufferedWriter writer;

    public NssKeyLogFile(Path path) throws IOException {
        this.path = path;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        createOwnerOnly(path);
        this.writer = Files.newBufferedWriter(path, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Creates the file with owner-only permissions if it is not there yet (on a POSIX file system). */
    private static void createOwnerOnly(Path path) throws IOException {
        if (Files.exists(path)) {
            return;
        }
        try {
            if (Files.getFileStore(path.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
        } catch (FileAlreadyExistsException raced) {
            // Someone created it between the check and here: theirs to keep, as above.
        }
    }

    /** Starts the key log named by {@code SSLKEYLOGFILE}, if set; says so on {@code err} if it cannot. */
    public static void fromEnvironment(Session session, PrintStream err) {
        String file = System.getenv(ENVIRONMENT_VARIABLE);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            session.keyLog(new NssKeyLogFile(Path.of(file)), file);
        } catch (IOException e) {
            err.println("navemu: " + ENVIRONMENT_VARIABLE + "=" + file + " cannot be written: " + e.getMessage());
        }
    }

    @Override
    public synchronized void write(String label, byte[] clientRandom, byte[] secret) {
        try {
            writer.write(label + " " + HexFormat.of().formatHex(clientRandom) + " " + HexFormat.of().formatHex(secret));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the key log " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
