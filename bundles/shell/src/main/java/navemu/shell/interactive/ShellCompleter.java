package navemu.shell.interactive;

import java.util.List;
import java.util.Optional;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import navemu.shell.command.Command;
import navemu.shell.command.Session;

/**
 * TAB completion: command names for the first word, then whatever the command offers for the
 * argument under the cursor. Asked afresh at every TAB, so a bundle installed a moment ago
 * already completes.
 */
final class ShellCompleter implements Completer {
    private final Session session;

    ShellCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> all = line.words();
        int cursor = line.wordIndex();
        // After "open URL; " a new command begins: complete it from its own first word.
        int start = 0;
        for (int i = 0; i < cursor && i < all.size(); i++) {
            if (all.get(i).endsWith(";")) {
                start = i + 1;
            }
        }
        List<String> words = all.subList(start, all.size());
        int index = cursor - start;
        if (index == 0) {
            for (String name : session.registry().names()) {
                candidates.add(new Candidate(name));
            }
            return;
        }
        Optional<Command> command = session.registry().find(words.get(0));
        if (command.isEmpty()) {
            return;
        }
        List<String> before = words.subList(1, index);
        try {
            for (String value : command.get().complete(index - 1, before, session)) {
                candidates.add(new Candidate(value, value, null, null, null, null, !value.endsWith("=")));
            }
        } catch (RuntimeException serviceWentAway) {
            // Completion is a convenience: a service gone mid-TAB simply offers nothing.
        }
    }
}
