package navemu.shell.command;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import navemu.api.result.NavigationResult;
import navemu.navigator.capture.CaptureHistory;
import navemu.navigator.capture.NavigationCapture;
import navemu.shell.export.CaptureSource;
import navemu.shell.export.HarWriter;
import navemu.shell.export.HtmlReport;
import navemu.shell.export.PcapExport;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.JsonRenderer;

/**
 * {@code export json|har|html|pcap FILE}: the navigations this session keeps (the last 200 by
 * default, see {@link ResultHistory}) as JSON lines or a HAR 1.2 log, or the last one as a
 * self-contained HTML page or as a pcapng capture of its connections with its TLS secrets inside.
 * {@code export json FILE --trace [--secrets]} puts each navigation's trace events in its line, as
 * {@code --json --trace} does.
 */
public final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export json|har|html|pcap FILE [--trace [--secrets]]";
    }

    @Override
    public String summary() {
        return "write this session's last " + ResultHistory.DEFAULT_CAPACITY
                + " results (by default) as JSON lines or HAR 1.2, or the last one as an HTML page or a pcapng capture";
    }

    @Override
    public List<String> details(Session session) {
        ResultHistory history = session.history();
        String kept = "json and har write the last " + history.capacity() + " navigations of this session"
                + " (set with -D" + ResultHistory.CAPACITY_PROPERTY + "=N); html writes the last one;"
                + " pcap writes the last one's connections (kept for the last " + CaptureHistory.KEPT + " navigations,"
                + " the first " + NavigationCapture.DEFAULT_BYTE_LIMIT / (1024 * 1024) + " MiB of each), TLS secrets inside.";
        String trace = "json --trace puts each navigation's trace events in its line (--secrets: the derived"
                + " secrets too, marked sensitive).";
        if (history.dropped() == 0) {
            return List.of(kept, trace);
        }
        return List.of(kept, trace, history.dropped() + " older navigations are no longer kept.");
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().size() < 2) {
            throw new UsageException("export takes a format and a file");
        }
        String format = line.arg(0);
        if (!List.of("json", "har", "html", "pcap").contains(format)) {
            throw new UsageException("unknown export format '" + format + "'; json, har, html or pcap");
        }
        JsonRenderer.Trace trace = traceOption(format, line.args().subList(2, line.args().size()));
        List<NavigationResult> results = session.results();
        if (results.isEmpty()) {
            throw new CommandException("nothing to export: no navigation yet");
        }
        Path file = Path.of(line.arg(1));
        if (format.equals("pcap")) {
            return pcap(session, file);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                switch (format) {
                    case "har":
                        writer.write(new HarWriter().write(results));
                        break;
                    case "html":
                        writer.write(new HtmlReport().write(session.requireLast(), session.lastEvents()));
                        break;
                    default:
                        for (ResultHistory.Entry entry : session.history().entries()) {
                            writer.write(session.jsonRenderer().toLine(entry.result(), entry.events(), trace));
                            writer.write('\n');
                        }
                }
            }
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
        int written = format.equals("html") ? 1 : results.size();
        long dropped = session.history().dropped();
        String older = format.equals("html") || dropped == 0 ? ""
                : " (the last " + written + "; " + dropped + " older " + (dropped == 1 ? "one is" : "ones are")
                        + " no longer kept)";
        session.report("wrote " + written + (written == 1 ? " navigation" : " navigations") + " as " + format + " to " + file
                + older);
        return CommandResult.DONE;
    }

    /** The last navigation's connections as pcapng, its key log inside (see {@link PcapExport}). */
    private static CommandResult pcap(Session session, Path file) throws CommandException {
        NavigationResult last = session.requireLast();
        NavigationCapture capture = session.services().bundleContext()
                .flatMap(context -> CaptureSource.of(context, last))
                .orElseThrow(() -> new CommandException("no capture of the last navigation is kept"
                        + " (the navigator keeps the last " + CaptureHistory.KEPT + " navigations' connections)"));
        PcapExport pcap = new PcapExport(last.url, capture);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, pcap.bytes());
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
        PcapExport.Summary summary = pcap.summary();
        session.report("wrote " + summary.connections() + (summary.connections() == 1 ? " connection" : " connections")
                + " (" + summary.packets() + " packets, " + summary.keyLogLines() + " key log lines) as pcapng to " + file
                + (summary.cut() ? "; cut: the navigation moved more than " + capture.byteLimit()
                        + " bytes and only those were kept (said in the file's comment)" : ""));
        return CommandResult.DONE;
    }

    private static JsonRenderer.Trace traceOption(String format, List<String> options) throws UsageException {
        if (options.isEmpty()) {
            return JsonRenderer.Trace.NONE;
        }
        if (!format.equals("json")) {
            throw new UsageException("only export json takes --trace");
        }
        if (options.equals(List.of("--trace"))) {
            return JsonRenderer.Trace.EVENTS;
        }
        if (options.equals(List.of("--trace", "--secrets")) || options.equals(List.of("--secrets", "--trace"))) {
            return JsonRenderer.Trace.EVENTS_AND_SECRETS;
        }
        throw new UsageException("after the file, export json takes --trace, or --trace --secrets");
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        return index == 0 ? List.of("json", "har", "html", "pcap") : List.of();
    }
}
