package navemu.lab;

import java.nio.file.Path;

/** A lab configuration file (sites, zone) is wrong; the message names the file and line. */
public final class LabConfigException extends RuntimeException {

    public LabConfigException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    public LabConfigException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }
}
