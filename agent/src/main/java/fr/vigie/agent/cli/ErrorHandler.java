package fr.vigie.agent.cli;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.scan.OutputWriteException;
import fr.vigie.ruleset.CatalogueException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns an exception into an exit code and a message that says what to do. No stack trace
 * unless {@code --verbose} was given. Stateless and thread-safe.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

    /** The exit status and the message (possibly several lines) for an exception. */
    record Failure(ExitStatus status, String message) {}

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Failure f = map(ex, commandLine.getCommandSpec().qualifiedName());
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + f.message());
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        } else if (f.status() == ExitStatus.UNEXPECTED) {
            err.println("Run again with --verbose for the details.");
        }
        err.flush();
        return f.status().code();
    }

    /** Whether --verbose was given on the command or any parent. */
    static boolean verbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static Failure map(Throwable ex, String command) {
        if (ex instanceof ConfigException e) {
            return new Failure(ExitStatus.USAGE, e.getMessage() + System.lineSeparator() + "(see '" + command
                    + " --help')");
        }
        if (ex instanceof CatalogueException e) {
            return new Failure(ExitStatus.USAGE, "invalid rule catalogue or thresholds: " + e.getMessage());
        }
        if (ex instanceof CollectionException e) {
            return collection(e);
        }
        if (ex instanceof OutputWriteException e) {
            return new Failure(ExitStatus.OUTPUT_ERROR, e.getMessage() + System.lineSeparator()
                    + "Choose a writable --out directory on a disk with free space.");
        }
        String message = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getName()
                : ex.getMessage();
        return new Failure(ExitStatus.UNEXPECTED, "unexpected error: " + message);
    }

    private static Failure collection(CollectionException e) {
        String nl = System.lineSeparator();
        return switch (e.reason()) {
            case UNREACHABLE -> new Failure(ExitStatus.DC_UNREACHABLE, e.getMessage() + nl
                    + "Check the --server name, the port (636 for LDAPS, 389 for StartTLS), DNS, and the firewall "
                    + "between this machine and the domain controller.");
            case ROOT_DSE_UNREADABLE -> new Failure(ExitStatus.DC_UNREACHABLE, e.getMessage() + nl
                    + "Check that --server names an Active Directory domain controller.");
            case TLS_UNTRUSTED -> new Failure(ExitStatus.TLS_UNTRUSTED, e.getMessage() + nl
                    + "The DC's certificate is not trusted. Give the CA that signed it with --trust-store <file>, or "
                    + "pin it with --pin-sha256 <fingerprint> once you have checked the fingerprint with the DC's "
                    + "administrator.");
            case TLS_FAILED -> new Failure(ExitStatus.TLS_UNTRUSTED, e.getMessage() + nl
                    + "Check that the DC has a certificate for LDAPS (port 636), or try --starttls on port 389.");
            case BIND_REFUSED -> new Failure(ExitStatus.BIND_REFUSED, e.getMessage() + nl
                    + "Check --bind-dn (a DN or user@domain) and the password in the password file or variable; the "
                    + "account may also be locked, disabled, or its password expired.");
        };
    }
}
