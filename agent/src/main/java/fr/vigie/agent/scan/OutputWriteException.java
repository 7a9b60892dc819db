package fr.vigie.agent.scan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output file or directory could not be written (disk full, no permission, bad {@code --out}). Distinct from
 * input problems so that the CLI can say what to do (exit code 7). The message names the path.
 */
public final class OutputWriteException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public OutputWriteException(Path path, IOException cause) {
        super("cannot write " + path + ": " + describe(cause), cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        String msg = e.getMessage();
        return switch (kind) {
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemException" -> msg == null ? kind : msg;
            case "NoSuchFileException" -> "the parent directory does not exist";
            case "NotDirectoryException" -> "a file is in the way of a directory";
            default -> msg == null ? kind : kind + ": " + msg;
        };
    }
}
