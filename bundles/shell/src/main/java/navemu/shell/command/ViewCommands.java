package navemu.shell.command;

import java.util.List;

import org.jline.utils.AttributedString;

import navemu.api.result.NavigationResult;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.BodyRenderer;
import navemu.shell.render.CertRenderer;
import navemu.shell.render.HeadersRenderer;
import navemu.shell.render.Explainer;
import navemu.shell.render.LadderRenderer;
import navemu.shell.render.TimelineRenderer;
import navemu.shell.render.TraceRenderer;

/**
 * The views of the last navigation: {@code trace [--secrets]}, {@code cert}, {@code ladder},
 * {@code timeline}, {@code headers}, {@code body}. Each is one small command drawing with its renderer.
 */
public final class ViewCommands {

    private ViewCommands() {
    }

    public static List<Command> all() {
        return List.of(new Explain(), new Trace(), new Cert(), new Ladder(), new Timeline(), new Headers(), new Body());
    }

    private static void print(Session session, List<AttributedString> lines) {
        lines.forEach(session.console()::out);
    }

    private static void noArguments(CommandLine line) throws UsageException {
        if (!line.args().isEmpty()) {
            throw new UsageException(line.name() + " takes no arguments");
        }
    }

    /** {@code explain}. */
    static final class Explain implements Command {
        @Override public String name() { return "explain"; }
        @Override public String usage() { return "explain [--secrets]"; }
        @Override public String summary() {
            return "the last navigation in plain words: what was offered, chosen, checked and why, with the real values"
                    + " (--secrets: the pre-master and master secrets too)";
        }

        @Override
        public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
            boolean secrets = line.args().equals(List.of("--secrets"));
            if (!line.args().isEmpty() && !secrets) {
                throw new UsageException("explain takes only --secrets");
            }
            print(session, new Explainer().explain(session.requireLast(), session.lastEvents(), session.console().width(), secrets));
            return CommandResult.DONE;
        }

        @Override
        public List<String> complete(int index, List<String> before, Session session) {
            return index == 0 ? List.of("--secrets") : List.of();
        }
    }

    /** {@code trace [--secrets]}. */
    static final class Trace implements Command {
        @Override public String name() { return "trace"; }
        @Override public String usage() { return "trace [--secrets]"; }
        @Override public String summary() { return "every event of the last navigation (--secrets: derived secrets too, marked sensitive)"; }

        @Override
        public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
            boolean secrets = line.args().equals(List.of("--secrets"));
            if (!line.args().isEmpty() && !secrets) {
                throw new UsageException("trace takes only --secrets");
            }
            session.requireLast();
            print(session, new TraceRenderer().render(session.lastEvents(), secrets, session.console().width()));
            return CommandResult.DONE;
        }

        @Override
        public List<String> complete(int index, List<String> before, Session session) {
            return index == 0 ? List.of("--secrets") : List.of();
        }
    }

    /** {@code cert}. */
    static final class Cert implements Command {
        @Override public String name() { return "cert"; }
        @Override public String usage() { return "cert"; }
        @Override public String summary() { return "the last certificate chain: subject, issuer, SANs, validity, key, signature, SHA-256"; }

        @Override
        public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
            noArguments(line);
            NavigationResult last = session.requireLast();
            if (last.cert == null) {
                throw new CommandException("the last navigation saw no certificate"
                        + (last.error == null ? "" : " (it failed with " + last.error + ")"));
            }
            print(session, new CertRenderer().render(last.cert));
            return CommandResult.DONE;
        }
    }

    /** {@code ladder}. */
    static final class Ladder implements Command {
        @Override public String name() { return "ladder"; }
        @Override public String usage() { return "ladder"; }
        @Override public String summary() { return "the last TLS handshake as a sequence diagram, by flights and round trips"; }

        @Override
        public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
            noArguments(line);
            NavigationResult last = session.requireLast();
            print(session, new LadderRenderer().render(session.lastEvents(), last.tls, session.console().width()));
            return CommandResult.DONE;
        }
    }

    /** {@code headers}: each hop's request and response fields, as {@code curl -v} shows them. */
    static final class Headers implements Command {
        @Override public String name() { return "headers"; }
        @Override public String usage() { return "headers"; }
        @Override public String summary() { return "the last navigation's requests and responses, every hop, as curl -v shows them (> sent, < received)"; }

        @Override
        public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
            noArguments(line);
            print(session, new HeadersRenderer().render(session.requireLast()));
            return CommandResult.DONE;
        }
    }

    /** {@code body}: the final response's body, as far as navemu keeps it. */
    static final class Body implements Command {
        @Override public String name() { return "body"; }
        @Override public String usage() { return "body"; }
        @Override public String summary() { return "the last response's body (its first 4 KiB as text), saying how much was read and kept"; }

        @Override
        public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
            noArguments(line);
            print(session, new BodyRenderer().render(session.requireLast()));
            return CommandResult.DONE;
        }
    }

    /** {@code timeline}. */
    static final class Timeline implements Command {
        @Override public String name() { return "timeline"; }
        @Override public String usage() { return "timeline"; }
        @Override public String summary() { return "the last navigation's steps as a waterfall on a time axis"; }

        @Override
        public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
            noArguments(line);
            print(session, new TimelineRenderer().render(session.requireLast(), session.console().width()));
            return CommandResult.DONE;
        }
    }
}
