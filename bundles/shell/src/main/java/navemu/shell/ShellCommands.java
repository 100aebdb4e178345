package navemu.shell;

import navemu.shell.command.Command;
import navemu.shell.command.CommandRegistry;
import navemu.shell.command.CompareCommand;
import navemu.shell.command.ExpectCommand;
import navemu.shell.command.ExportCommand;
import navemu.shell.command.KeylogCommand;
import navemu.shell.command.ViewCommands;
import navemu.shell.command.HelpCommand;
import navemu.shell.command.HstsCommand;
import navemu.shell.command.DnsCommand;
import navemu.shell.command.LabCommand;
import navemu.shell.command.NetCommand;
import navemu.shell.command.SessionsCommand;
import navemu.shell.command.OpenCommand;
import navemu.shell.command.QuitCommand;
import navemu.shell.command.SlotsCommand;
import navemu.shell.command.UseCommand;
import navemu.shell.osgi.BundlesCommand;
import navemu.shell.osgi.Lifecycle;
import navemu.shell.script.RecordCommand;
import navemu.shell.script.ReplayCommand;

/** Every command of the shell, in the order {@code help} lists them. */
public final class ShellCommands {

    private ShellCommands() {
    }

    public static CommandRegistry create() {
        CommandRegistry registry = new CommandRegistry()
                .add(new OpenCommand())
                .add(new SlotsCommand())
                .add(new UseCommand())
                .add(new CompareCommand())
                .add(new ExpectCommand())
                .add(new ReplayCommand())
                .add(new RecordCommand());
        for (Command view : ViewCommands.all()) {
            registry.add(view);
        }
        registry.add(new ExportCommand())
                .add(new KeylogCommand())
                .add(new HstsCommand())
                .add(new LabCommand())
                .add(new NetCommand())
                .add(new DnsCommand())
                .add(new SessionsCommand())
                .add(new BundlesCommand());
        for (Command lifecycle : Lifecycle.all()) {
            registry.add(lifecycle);
        }
        return registry
                .add(new HelpCommand())
                .add(new QuitCommand())
                .alias("exit", "quit");
    }
}
