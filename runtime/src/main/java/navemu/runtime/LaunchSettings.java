package navemu.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where navemu keeps its files and which arguments go to the shell.
 *
 * @param home       the user's navemu directory ({@code --home}, {@code NAVEMU_HOME}, else {@code ~/.navemu})
 * @param configDir  the configuration directory ({@code --config}, {@code NAVEMU_CONFIG}), or null for the
 *                   copy embedded in the jar
 * @param shellArgs  everything else, for the shell
 * @param version    {@code --version}: print the version and exit, without starting anything
 */
record LaunchSettings(Path home, Path configDir, List<String> shellArgs, boolean version) {

    /** Options that make the shell run commands and exit instead of opening the interactive shell. */
    private static final List<String> BATCH_OPTIONS = List.of("-c", "--script");

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static LaunchSettings fromArguments(String[] args, Map<String, String> env) throws UsageException {
        Path home = env.containsKey("NAVEMU_HOME") ? Path.of(env.get("NAVEMU_HOME")) : Main.defaultHome();
        Path config = env.containsKey("NAVEMU_CONFIG") ? Path.of(env.get("NAVEMU_CONFIG")) : null;
        List<String> rest = new ArrayList<>();
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--config" -> config = Path.of(value(args, ++i, "--config"));
                case "--version" -> version = true;
                // The shell's options that take a value: their value is the shell's, even "--version".
                case "-c", "--command", "--script", "--junit" -> {
                    rest.add(args[i]);
                    if (i + 1 < args.length) {
                        rest.add(args[++i]);
                    }
                }
                default -> rest.add(args[i]);
            }
        }
        if (version) {
            return new LaunchSettings(home.toAbsolutePath(), null, List.of(), true);
        }
        if (config != null && !Files.isDirectory(config)) {
            throw new UsageException("--config " + config + ": no such directory");
        }
        return new LaunchSettings(home.toAbsolutePath(), config == null ? null : config.toAbsolutePath(), List.copyOf(rest),
                false);
    }

    /**
     * Makes sure the home directory exists and can be written, before anything starts: an
     * unusable home is the user's to fix, a usage error naming the directory, not a failure
     * deep inside a bundle.
     */
    void prepareHome() throws UsageException {
        if (Files.exists(home) && !Files.isDirectory(home)) {
            throw new UsageException("--home " + home + ": not a directory");
        }
        try {
            Files.createDirectories(home);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--home " + home + ": cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(home)) {
            throw new UsageException("--home " + home + ": not writable");
        }
    }

    /** Where navemu keeps what it can make again from navemu.jar (the unpacked bundles): {@code <home>/cache}. */
    Path cacheDirectory() {
        return home.resolve("cache");
    }

    /** True when the shell will run commands and exit ({@code -c}, {@code --script}) rather than prompt. */
    boolean batch() {
        return shellArgs.stream().anyMatch(BATCH_OPTIONS::contains);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a directory");
        }
        return args[i];
    }
}
