package navemu.shell.script;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import navemu.api.Environment;
import navemu.shell.command.CommandException;
import navemu.shell.command.Dispatcher;
import navemu.shell.command.Session;
import navemu.shell.command.Tally;

/**
 * Runs a navigation script: one command a line (or several, split by {@code ;}), {@code #}
 * comments, blank lines ignored. Every message names its line ({@code tour.nav:3: …}); a line
 * that fails does not stop the script, so one run reports everything that did not hold.
 */
public final class ScriptRunner {
    private final Session session;

    public ScriptRunner(Session session) {
        this.session = session;
    }

    /**
     * The script called {@code name}: the path as given, or else, for a relative name, the
     * file of that name under {@code <navemu.config.dir>/scripts/} (so {@code replay tour.nav}
     * finds the shipped tour).
     */
    public Path resolve(String name) throws CommandException {
        Path given = Path.of(name);
        if (Files.isRegularFile(given)) {
            return given;
        }
        Optional<Path> shipped = given.isAbsolute() ? Optional.empty()
                : session.services().property(Environment.CONFIG_DIR).map(dir -> Path.of(dir, "scripts", name));
        if (shipped.isPresent() && Files.isRegularFile(shipped.get())) {
            return shipped.get();
        }
        throw new CommandException("no such script file: " + given.toAbsolutePath()
                + shipped.map(p -> " (nor " + p + ")").orElse(""));
    }

    /** Runs every line of {@code file}; messages name lines as {@code label:N}. */
    public Tally run(Path file, String label) throws CommandException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such script file: " + file);
        } catch (CharacterCodingException e) {
            throw new CommandException("cannot read script " + file + ": it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new CommandException("cannot read script " + file + ": " + e.getMessage(), e);
        }
        // Editors on Windows start UTF-8 files with a byte order mark (U+FEFF); it is not part of the first command.
        if (!lines.isEmpty() && lines.get(0).startsWith(BYTE_ORDER_MARK)) {
            lines = new ArrayList<>(lines);
            lines.set(0, lines.get(0).substring(BYTE_ORDER_MARK.length()));
        }
        return runLines(lines, label);
    }

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** Runs {@code lines}, the first being line 1 of {@code label}. */
    public Tally runLines(List<String> lines, String label) {
        Dispatcher dispatcher = new Dispatcher(session);
        Tally total = new Tally();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            total.add(dispatcher.execute(text, label + ":" + (i + 1)));
            if (total.quitRequested()) {
                break;
            }
        }
        return total;
    }
}
