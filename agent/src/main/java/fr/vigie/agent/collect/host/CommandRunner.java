package fr.vigie.agent.collect.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external read-only command (testparm, realm, lsattr) with a time limit and captures its output. Commands
 * are given as argument lists (no shell); the arguments are paths and options, never secrets. Thread-safe.
 */
final class CommandRunner {
    private static final int MAX_OUTPUT = 4 * 1024 * 1024;

    /** The outcome of a command that ran. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Thrown when the command could not run or did not finish in time; the message says which. */
    static final class CommandException extends Exception {
        private static final long serialVersionUID = 1L;

        CommandException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Duration timeout;

    CommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** The executable's path when the command is an existing path or found on PATH. */
    static Optional<Path> find(String command) {
        if (command.contains("/") || command.contains("\\")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of(path == null ? new String[0] : path.split(java.io.File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, command);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    Result run(List<String> command) throws CommandException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CommandException(command.get(0) + " could not be started: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            var out = TimeBox.run("stdout", timeout, () -> readLimited(p.getInputStream()));
            var err = TimeBox.run("stderr", Duration.ofSeconds(1), () -> readLimited(p.getErrorStream()));
            if (out.timedOut() || !p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new CommandException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s",
                        null);
            }
            return new Result(p.exitValue(), text(out.value()), text(err.value()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new CommandException(command.get(0) + " interrupted", e);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new CommandException(command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static String text(Optional<byte[]> bytes) {
        return bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() < MAX_OUTPUT) {
                out.write(buf, 0, Math.min(n, MAX_OUTPUT - out.size()));
            }
        }
        return out.toByteArray();
    }
}
