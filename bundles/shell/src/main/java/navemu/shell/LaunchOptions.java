package navemu.shell;

import java.util.ArrayList;
import java.util.List;

import navemu.shell.command.UsageException;
import navemu.shell.render.JsonRenderer;

/**
 * The command line, as DESIGN.md defines it: {@code -c 'CMD'} (repeatable; {@code ;} separates
 * commands), {@code --script FILE}, {@code --json}; none of {@code -c}/{@code --script} means
 * the interactive shell. Sources run in the order given.
 */
public final class LaunchOptions {

    /** The synopsis, printed under a usage error. The launcher reads --home, --config and --version itself. */
    public static final String USAGE = "usage: navemu [--home DIR] [--config DIR] [--json] [--trace [--secrets]] [-c 'CMD[; CMD…]']… "
            + "[--script FILE]… [--junit FILE]\n       navemu --help | --version";

    /** What {@code --help} prints: the synopsis, then every option, in the order a user needs them. */
    public static final String HELP = USAGE + """


            With no -c and no --script: the interactive shell.

              -c, --command 'CMD'  run commands (';' separates them) and exit; repeatable
              --script FILE        run a navigation script (one command a line, # comments) and exit; repeatable
              --json               print each navigation's result as one JSON line; stdout then carries
                                   nothing else (messages, views and summaries go to stderr)
              --trace              with --json: each line also carries the navigation's trace events
              --secrets            with --trace: the derived secrets too, marked sensitive
              --junit FILE         also write a JUnit XML report of the -c commands and scripts
              --home DIR           where navemu keeps history, HSTS and session files and the lab CA
                                   (default: $NAVEMU_HOME, else ~/.navemu)
              --config DIR         use this configuration directory instead of the copy inside navemu.jar
                                   (default: $NAVEMU_CONFIG)
              -h, --help           print this text and exit
              --version            print navemu's version and exit

            SSLKEYLOGFILE=FILE writes the TLS secrets of every navigation for Wireshark (as browsers do).
            Exit status: 0 every command and expect held, 1 an expect failed or a command erred,
            2 a usage or configuration error, 3 navemu could not start.""";

    /** A {@code -c} argument or a {@code --script} file, in the order given. */
    public record Source(boolean script, String text) {
    }

    private final List<Source> sources;
    private final boolean json;
    private final JsonRenderer.Trace trace;
    private final boolean help;
    private final String junit;

    private LaunchOptions(List<Source> sources, boolean json, JsonRenderer.Trace trace, boolean help, String junit) {
        this.sources = List.copyOf(sources);
        this.json = json;
        this.trace = trace;
        this.help = help;
        this.junit = junit;
    }

    public static LaunchOptions parse(String[] args) throws UsageException {
        List<Source> sources = new ArrayList<>();
        boolean json = false;
        boolean trace = false;
        boolean secrets = false;
        boolean help = false;
        String junit = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-c":
                case "--command":
                    sources.add(new Source(false, value(args, ++i, arg)));
                    break;
                case "--script":
                    sources.add(new Source(true, value(args, ++i, arg)));
                    break;
                case "--junit":
                    junit = value(args, ++i, arg);
                    break;
                case "--json":
                    json = true;
                    break;
                case "--trace":
                    trace = true;
                    break;
                case "--secrets":
                    secrets = true;
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                default:
                    if (arg.startsWith("--script=")) {
                        sources.add(new Source(true, arg.substring("--script=".length())));
                    } else if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    } else {
                        throw new UsageException("unexpected argument '" + arg
                                + "' (a command goes after -c, a script after --script)");
                    }
            }
        }
        if (junit != null && sources.isEmpty()) {
            throw new UsageException("--junit reports on -c commands or --script files; there are none");
        }
        if (trace && !json) {
            throw new UsageException("--trace adds the trace to the --json lines; without --json, type 'trace' after 'open'");
        }
        if (trace && sources.isEmpty() && !help) {
            throw new UsageException("--trace adds the trace to the lines of -c and --script runs; in the shell, type 'trace'");
        }
        if (secrets && !trace) {
            throw new UsageException("--secrets adds the derived secrets to --trace; it needs --json --trace");
        }
        JsonRenderer.Trace events = !trace ? JsonRenderer.Trace.NONE
                : secrets ? JsonRenderer.Trace.EVENTS_AND_SECRETS : JsonRenderer.Trace.EVENTS;
        return new LaunchOptions(sources, json, events, help, junit);
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    public List<Source> sources() {
        return sources;
    }

    public boolean json() {
        return json;
    }

    /** Which trace events each --json line carries. */
    public JsonRenderer.Trace trace() {
        return trace;
    }

    public boolean help() {
        return help;
    }

    /** Where to write the JUnit XML report, or null. */
    public String junit() {
        return junit;
    }

    public boolean interactive() {
        return sources.isEmpty() && !help;
    }
}
