package fr.vigie.agent.config;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * A password or other secret. Never printed: {@link #toString()} is masked. Read from a file (owner-only
 * permissions required on POSIX), from an environment variable, or from an interactive prompt; never from a
 * command-line argument. Mutable only through {@link #clear()}; not thread-safe.
 */
public final class Secret implements AutoCloseable {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** For tests and in-process demos only. */
    public static Secret of(char[] value) {
        return new Secret(value.clone());
    }

    /**
     * Reads the first line of a file.
     *
     * @throws IOException when the file is unreadable, empty, or readable by group or others (POSIX)
     */
    public static Secret fromFile(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IOException("password file " + file + " is readable by other users: run chmod 600 " + file);
            }
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String line = (nl >= 0 ? text.substring(0, nl) : text).replace("\r", "");
        if (line.isEmpty()) {
            throw new IOException("password file " + file + " is empty");
        }
        return new Secret(line.toCharArray());
    }

    /** @throws IOException when the variable is unset or empty */
    public static Secret fromEnv(String variable) throws IOException {
        return fromEnv(variable, System::getenv);
    }

    /**
     * Reads an environment variable through the given lookup (the process environment in production, a map in
     * tests).
     *
     * @throws IOException when the variable is unset or empty
     */
    public static Secret fromEnv(String variable, java.util.function.Function<String, String> environment)
            throws IOException {
        String v = environment.apply(variable);
        if (v == null || v.isEmpty()) {
            throw new IOException("environment variable " + variable + " is not set");
        }
        return new Secret(v.toCharArray());
    }

    /** @throws IOException when there is no console to prompt on */
    public static Secret prompt(String prompt) throws IOException {
        Console console = System.console();
        if (console == null) {
            throw new IOException("no terminal to prompt for the password: use --password-file or --password-env");
        }
        char[] v = console.readPassword("%s", prompt);
        if (v == null || v.length == 0) {
            throw new IOException("no password entered");
        }
        return new Secret(v);
    }

    /** The secret's characters (a copy). */
    public char[] chars() {
        return value.clone();
    }

    /** The secret as bytes (UTF-8), for APIs that need them. */
    public byte[] utf8() {
        return new String(value).getBytes(StandardCharsets.UTF_8);
    }

    public void clear() {
        Arrays.fill(value, '\0');
    }

    @Override
    public void close() {
        clear();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
