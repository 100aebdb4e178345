package navemu.shell.script;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.Slot;
import navemu.api.result.NavigationResult;
import navemu.shell.command.CommandLog;
import navemu.shell.parse.CommandLine;

/**
 * Writes the commands typed into a script, and after each navigation the {@code expect} lines
 * that pin its outcome (status, error, TLS version, suite, resumption), so the script replays
 * as a regression test: a slot swapped to one that behaves differently turns it red.
 */
public final class ScriptRecorder implements CommandLog, Closeable {
    static final String SESSIONS_CLEAR = "sessions clear";
    private final Path file;
    private final Writer writer;

    /**
     * Starts the script with what the recording starts from, so it replays the same in the shell
     * that recorded it and in a fresh one: a {@code use SLOT IMPL} line per slot of
     * {@code composition} (the active one when recording starts), then {@code sessions clear}
     * (the recording shell clears its sessions too, see {@code RecordCommand}).
     */
    public ScriptRecorder(Path file, Map<Slot, String> composition) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write("# recorded by navemu; replay with: replay " + file.getFileName() + "\n");
        writer.write("# the composition and the empty session store the recording started from\n");
        for (String line : preamble(composition)) {
            writer.write(line + "\n");
        }
        writer.flush();
    }

    /** {@code use SLOT IMPL} for every slot in slot order, then {@code sessions clear}. */
    static List<String> preamble(Map<Slot, String> composition) {
        List<String> lines = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            String impl = composition.get(slot);
            if (impl != null) {
                lines.add("use " + slot.key() + " " + impl);
            }
        }
        lines.add(SESSIONS_CLEAR);
        return lines;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void ran(CommandLine line, Optional<NavigationResult> navigation) {
        if (line.name().equals("record")) {
            return;
        }
        try {
            writer.write(line.text() + "\n");
            if (navigation.isPresent()) {
                for (String expectation : expectations(navigation.get())) {
                    writer.write(expectation + "\n");
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the recording " + file, e);
        }
    }

    /** The expect lines that hold for {@code result}. */
    static List<String> expectations(NavigationResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("expect status == " + (result.status == null ? "null" : result.status));
        lines.add("expect error == " + (result.error == null ? "null" : result.error));
        if (result.tls != null) {
            lines.add("expect tls.version == " + result.tls.version());
            lines.add("expect tls.cipherSuite == " + result.tls.cipherSuite());
            lines.add("expect tls.resumed == " + result.tls.resumed());
            if (result.tls.alertSent() != null) {
                // A handshake we ended: pin the alert too, so a replay notices a different refusal.
                lines.add("expect tls.alertSent == " + result.tls.alertSent());
            }
        } else {
            lines.add("expect tls == null");
        }
        return lines;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
