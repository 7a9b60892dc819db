package fr.vigie.snapshot.host;

import java.util.List;
import java.util.Objects;

/**
 * One exported path of an NFS server. Immutable.
 *
 * @param path    exported directory
 * @param file    the exports file it was read from
 * @param line    line number in that file (first line of a continued line)
 * @param clients who may mount it; a line without a client is recorded as the client {@code *} (what
 *                {@code exportfs} does, with a warning)
 */
public record NfsExport(String path, String file, int line, List<NfsClient> clients) {
    public NfsExport {
        Objects.requireNonNull(path, "path");
        file = Lists.text(file);
        clients = Lists.copy(clients);
    }
}
