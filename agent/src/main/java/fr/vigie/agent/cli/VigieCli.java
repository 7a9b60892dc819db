package fr.vigie.agent.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code vigie}: the agent's command line, a thin shell over the pipeline. One class per subcommand ({@code scan},
 * {@code check}, {@code demo}, {@code bench}, {@code enroll}, {@code run}); exit codes in {@link ExitStatus};
 * exceptions mapped to exit codes in {@link ErrorHandler} only; output writers and the outside world
 * ({@link AgentEnvironment}) injected, so that tests run the real command tree with captured output.
 */
@Command(name = "vigie", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Audits the Active Directory of a health establishment (ANSSI checkpoints, maturity level 1-5).")
public final class VigieCli implements Callable<Integer> {
    static final String FOOTER = "%nDocumentation: docs/cli.md (options, configuration file, exit codes).";

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug logging, and the stack trace of an error.")
    void verbose(boolean on) {
        if (on && LoggerFactory.getLogger("fr.vigie") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
    }

    private VigieCli() {}

    /** Without a command: the usage on stderr and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE.code();
    }

    /**
     * The full command tree, wired to an environment and writers.
     *
     * @param env the outside world
     * @param out standard output (summaries, help)
     * @param err standard error (progress, warnings, errors)
     */
    public static CommandLine commandLine(AgentEnvironment env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new VigieCli());
        cl.addSubcommand(new ScanCommand(env));
        cl.addSubcommand(new CheckCommand(env));
        cl.addSubcommand(new DemoCommand(env));
        cl.addSubcommand(new BenchCommand(env));
        cl.addSubcommand(new EnrollCommand());
        cl.addSubcommand(new RunCommand(env));
        document(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    private static void document(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitStatus.USAGE.code());
        cl.getCommandSpec().exitCodeOnExecutionException(ExitStatus.UNEXPECTED.code());
        cl.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitStatus.helpList())
                .footer(FOOTER);
        for (CommandLine sub : cl.getSubcommands().values()) {
            document(sub);
        }
    }

    /**
     * Runs the command line; returns the exit code. The log level raised by {@code --verbose} is restored on return,
     * so that runs in one JVM (tests) do not leak into each other.
     */
    public static int run(AgentEnvironment env, PrintWriter out, PrintWriter err, String... args) {
        ch.qos.logback.classic.Level before = null;
        boolean logback = LoggerFactory.getLogger("fr.vigie") instanceof ch.qos.logback.classic.Logger;
        if (logback) {
            before = ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("fr.vigie")).getLevel();
        }
        try {
            return commandLine(env, out, err).execute(args);
        } finally {
            if (logback) {
                ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("fr.vigie")).setLevel(before);
            }
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        System.exit(run(AgentEnvironment.system(), out, err, args));
    }
}
