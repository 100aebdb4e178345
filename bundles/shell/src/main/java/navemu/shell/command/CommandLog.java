package navemu.shell.command;

import java.util.Optional;

import navemu.api.result.NavigationResult;
import navemu.shell.parse.CommandLine;

/** Hears every command that ran well, and the navigation it made if any ({@code record}). */
public interface CommandLog {

    void ran(CommandLine line, Optional<NavigationResult> navigation);
}
