package fr.vigie.collector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the collector: {@code serve} and the admin subcommands ({@code establishment create|list},
 * {@code token mint}, {@code agents list}, {@code agent revoke|approve-replacement}). Secrets (database and key store
 * passwords) come from files or environment variables, never from the command line.
 */
@Command(name = "vigie-collector", mixinStandardHelpOptions = true, version = "vigie-collector 0.1.0",
        description = "Vigie collector: receives signed audit reports from enrolled agents.",
        subcommands = {ServeCommand.class, AdminCommands.EstablishmentCommand.class, AdminCommands.TokenCommand.class,
                AdminCommands.AgentsCommand.class, AdminCommands.AgentCommand.class})
public final class CollectorCli {
    /** Builds the command line (for tests: set out/err writers on it). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CollectorCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != ExitCodes.OK || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }
}
