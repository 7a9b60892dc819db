package fr.vigie.agent.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the bind password comes from. Never the command line itself (visible in {@code ps} and shell history) and
 * never the configuration file: only a file, an environment variable or an interactive prompt. Immutable.
 */
public sealed interface PasswordSource {

    /** Reads an interactive prompt; implemented by the console in production and by a stub in tests. */
    @FunctionalInterface
    interface Prompter {
        Secret prompt(String message) throws IOException;
    }

    /** The first line of a file readable only by its owner ({@code --password-file}). */
    record FromFile(Path file) implements PasswordSource {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** An environment variable ({@code --password-env}). */
    record FromEnvironment(String variable) implements PasswordSource {
        public FromEnvironment {
            Objects.requireNonNull(variable, "variable");
        }
    }

    /** An interactive prompt on the terminal (when neither a file nor a variable is given). */
    record Prompt() implements PasswordSource {}

    /**
     * Reads the secret.
     *
     * @param environment environment variable lookup
     * @param prompter    interactive prompt
     * @param what        what the password is for, for messages and the prompt (e.g. "bind password of audit@x")
     * @throws ConfigException when the secret cannot be read; the message names the file or variable and never
     *                         contains the secret
     */
    default Secret read(Function<String, String> environment, Prompter prompter, String what) throws ConfigException {
        try {
            if (this instanceof FromFile f) {
                return Secret.fromFile(f.file());
            }
            if (this instanceof FromEnvironment e) {
                return Secret.fromEnv(e.variable(), environment);
            }
            return prompter.prompt(what + ": ");
        } catch (NoSuchFileException e) {
            throw new ConfigException("password file " + e.getFile() + " does not exist (" + what
                    + "): create it with the password on its first line and run chmod 600 on it", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the " + what + ": " + e.getMessage(), e);
        }
    }
}
