package navemu.shell.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands by name, in the order {@code help} lists them. */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    public CommandRegistry add(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("two commands called " + command.name());
        }
        return this;
    }

    public CommandRegistry alias(String alias, String name) {
        aliases.put(alias, name);
        return this;
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(aliases.getOrDefault(name, name)));
    }

    public Collection<Command> all() {
        return commands.values();
    }

    /** Every word that calls a command, for completion. */
    public List<String> names() {
        List<String> names = new ArrayList<>(commands.keySet());
        names.addAll(aliases.keySet());
        return names;
    }
}
