package fr.vigie.agent.config;

/**
 * The user's settings are unusable: a bad or missing option, an unknown or ill-typed key of the configuration file,
 * an unreadable password file, an invalid rule catalogue. The message names the option, key or file at fault and
 * says what to do; the CLI reports it as a usage error (exit code 2) without a stack trace.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
