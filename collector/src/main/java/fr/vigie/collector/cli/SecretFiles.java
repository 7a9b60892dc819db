package fr.vigie.collector.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Reads secrets from owner-only files or environment variables, never from the command line. Stateless. */
final class SecretFiles {
    private SecretFiles() {}

    static char[] read(Path file, String env) throws IOException {
        if (file != null) {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
                if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new IOException(file + " is readable by other users: run chmod 600 " + file);
                }
            }
            String s = Files.readString(file, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return (nl >= 0 ? s.substring(0, nl) : s).replace("\r", "").toCharArray();
        }
        if (env != null) {
            String v = System.getenv(env);
            if (v == null || v.isEmpty()) {
                throw new IOException("environment variable " + env + " is not set");
            }
            return v.toCharArray();
        }
        return null;
    }
}
