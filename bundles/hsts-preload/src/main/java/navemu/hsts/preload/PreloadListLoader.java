package navemu.hsts.preload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The preload list, read the first time it is needed rather than when the bundle starts: Chromium's
 * list has some 180,000 entries, and a navemu that uses another {@code hsts} implementation should
 * not pay for it, nor print about it.
 *
 * <p>A list that cannot be used is reported once, in one line ({@code report}), and every later use
 * throws an {@link IllegalStateException} with the same line, so the navigation's {@code hsts} step
 * fails saying why instead of silently upgrading nothing. When the file changes (the user fixed it)
 * it is read again.
 */
final class PreloadListLoader implements Supplier<PreloadList> {

    private final Path path;
    private final String missingReason;
    private final Consumer<String> report;
    private PreloadList list;
    private String failure;
    private Object failedVersion;

    /** A loader for the list at {@code path}. */
    PreloadListLoader(Path path, Consumer<String> report) {
        this(Objects.requireNonNull(path, "path"), null, report);
    }

    /** A loader with no list to read: every use says {@code reason}. */
    static PreloadListLoader without(String reason, Consumer<String> report) {
        return new PreloadListLoader(null, reason, report);
    }

    private PreloadListLoader(Path path, String missingReason, Consumer<String> report) {
        this.path = path;
        this.missingReason = missingReason;
        this.report = report;
    }

    /**
     * The list, read now if it has not been.
     *
     * @throws IllegalStateException when it cannot be used; the message is the one line reported
     */
    @Override
    public synchronized PreloadList get() {
        if (list != null) {
            return list;
        }
        if (path == null) {
            throw fail(missingReason, null);
        }
        Object version = version(path);
        if (failure != null && Objects.equals(version, failedVersion)) {
            throw new IllegalStateException(failure);
        }
        try {
            list = PreloadList.read(path);
            failure = null;
            return list;
        } catch (InvalidPreloadListException e) {
            throw fail(e.getMessage(), version);
        }
    }

    /** True once the list has been read successfully. */
    synchronized boolean loaded() {
        return list != null;
    }

    /** Reports {@code reason} unless it was the last one reported, and remembers it for {@code version}. */
    private IllegalStateException fail(String reason, Object version) {
        if (!reason.equals(failure)) {
            report.accept(reason);
        }
        failure = reason;
        failedVersion = version;
        return new IllegalStateException(reason);
    }

    /** What tells one version of the file from the next: its modification time and size; null when absent. */
    private static Object version(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size();
        } catch (IOException e) {
            return null;
        }
    }
}
