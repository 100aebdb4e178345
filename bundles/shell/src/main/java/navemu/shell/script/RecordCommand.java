package navemu.shell.script;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import navemu.api.Slot;

import navemu.shell.command.Command;
import navemu.shell.command.CommandException;
import navemu.shell.command.CommandResult;
import navemu.shell.command.Session;
import navemu.shell.command.SessionsCommand;
import navemu.shell.command.UsageException;
import navemu.shell.parse.CommandLine;

/**
 * {@code record FILE} … {@code record stop}: the commands typed become a replayable script. It
 * starts with the active composition ({@code use} lines) and {@code sessions clear}, and the
 * recording shell clears its sessions too, so the script replays the same in this shell and in
 * a fresh one.
 */
public final class RecordCommand implements Command {

    @Override
    public String name() {
        return "record";
    }

    @Override
    public String usage() {
        return "record FILE|stop";
    }

    @Override
    public String summary() {
        return "write the commands that follow, and expects pinning each navigation, to a script";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().size() != 1) {
            throw new UsageException("record takes a file, or stop");
        }
        if (line.arg(0).equals("stop")) {
            if (session.commandLog().isEmpty()) {
                throw new CommandException("not recording");
            }
            String file = stop(session);
            session.report("recording stopped; replay it with: replay " + file);
            return CommandResult.DONE;
        }
        if (session.commandLog().isPresent()) {
            stop(session);
        }
        // The script starts from the active composition and no sessions; so does the recording.
        Map<Slot, String> composition = session.composition().active();
        String cleared;
        try {
            cleared = SessionsCommand.clear(session);
        } catch (CommandException e) {
            cleared = "sessions not cleared: " + e.getMessage();
        }
        try {
            ScriptRecorder recorder = new ScriptRecorder(Path.of(line.arg(0)), composition);
            session.commandLog(recorder);
        } catch (IOException e) {
            throw new CommandException("cannot write " + line.arg(0) + ": " + e.getMessage(), e);
        }
        session.report("recording to " + line.arg(0) + " from the current composition (" + cleared
                + "); 'record stop' ends it");
        return CommandResult.DONE;
    }

    private static String stop(Session session) {
        String name = session.commandLog().filter(ScriptRecorder.class::isInstance)
                .map(log -> ((ScriptRecorder) log).file().toString()).orElse("");
        session.commandLog().filter(Closeable.class::isInstance).ifPresent(log -> {
            try {
                ((Closeable) log).close();
            } catch (IOException ignored) {
                // What was written is flushed after every line already.
            }
        });
        session.commandLog(null);
        return name;
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        return index == 0 ? List.of("stop") : List.of();
    }
}
