package navemu.shell.command;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import navemu.api.tls.KeyLog;
import navemu.shell.navigation.NssKeyLogFile;
import navemu.shell.parse.CommandLine;

/**
 * {@code keylog FILE | off}: writes the NSS key log of later navigations to FILE (what
 * {@code SSLKEYLOGFILE} does at start-up), so Wireshark can decrypt a capture of them.
 */
public final class KeylogCommand implements Command {

    @Override
    public String name() {
        return "keylog";
    }

    @Override
    public String usage() {
        return "keylog [FILE|off]";
    }

    @Override
    public String summary() {
        return "write TLS secrets of later navigations to FILE in NSS key log format (like SSLKEYLOGFILE)";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().size() > 1) {
            throw new UsageException("keylog takes one file, or off");
        }
        if (line.args().isEmpty()) {
            session.report(session.keyLogTarget().map(t -> "writing the key log to " + t).orElse("no key log"));
            return CommandResult.DONE;
        }
        closeCurrent(session);
        if (line.arg(0).equals("off")) {
            session.keyLog(KeyLog.NONE, null);
            session.report("key log off");
            return CommandResult.DONE;
        }
        try {
            NssKeyLogFile file = new NssKeyLogFile(Path.of(line.arg(0)));
            session.keyLog(file, file.path().toString());
        } catch (IOException e) {
            throw new CommandException("cannot write the key log " + line.arg(0) + ": " + e.getMessage(), e);
        }
        session.report("writing the key log of later navigations to " + line.arg(0));
        return CommandResult.DONE;
    }

    private static void closeCurrent(Session session) {
        if (session.keyLog() instanceof Closeable) {
            try {
                ((Closeable) session.keyLog()).close();
            } catch (IOException ignored) {
                // The old file is done with either way.
            }
        }
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        return index == 0 ? List.of("off") : List.of();
    }
}
