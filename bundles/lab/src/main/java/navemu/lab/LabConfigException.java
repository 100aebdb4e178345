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

    /** Why a file could not be read, in words rather than an exception's class name. */
    public static String whyUnreadable(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the file is missing";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
