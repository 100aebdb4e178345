package navemu.shell.command;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import navemu.api.result.NavigationResult;
import navemu.shell.parse.CommandLine;

/** {@code export json FILE}: every navigation of this session, one JSON object a line. */
public final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export json FILE";
    }

    @Override
    public String summary() {
        return "write this session's results to FILE, one JSON line each (har and html: not built yet)";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().size() != 2) {
            throw new UsageException("export takes a format and a file");
        }
        String format = line.arg(0);
        if (format.equals("har") || format.equals("html")) {
            throw new CommandException("export " + format + " is not built yet; 'export json FILE' is");
        }
        if (!format.equals("json")) {
            throw new UsageException("unknown export format '" + format + "'");
        }
        List<NavigationResult> results = session.results();
        if (results.isEmpty()) {
            throw new CommandException("nothing to export: no navigation yet");
        }
        Path file = Path.of(line.arg(1));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (NavigationResult result : results) {
                    writer.write(session.jsonRenderer().toLine(result));
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
        session.report("wrote " + results.size() + (results.size() == 1 ? " result" : " results") + " to " + file);
        return CommandResult.DONE;
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        return index == 0 ? List.of("json") : List.of();
    }
}
