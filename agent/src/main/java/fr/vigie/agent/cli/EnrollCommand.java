package fr.vigie.agent.cli;

import fr.vigie.agent.delivery.AgentIdentity;
import fr.vigie.agent.delivery.Delivery;
import fr.vigie.agent.delivery.DeliveryException;
import fr.vigie.agent.delivery.Enrollment;
import fr.vigie.agent.delivery.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie enroll}: enrolls this agent with the collector named in an enrollment token read from a file or
 * from stdin (never from the command line, where {@code ps} and shell history would show it). Generates the
 * agent's Ed25519 key, proves possession to the collector, stores key and identity in the state directory (0700,
 * files 0600), and deletes the token file. {@code --replace} enrolls a new identity for a reinstalled or restored
 * agent (the collector admin approves it).
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll this agent with a collector, using a token from a file or stdin.")
public final class EnrollCommand implements Callable<Integer> {
    /** Exit code: enrollment refused (by the collector, or a bad/expired token). */
    public static final int REFUSED = 3;
    /** Exit code: I/O or network failure. */
    public static final int FAILURE = 1;

    static final class TokenSource {
        @Option(names = "--token-file", paramLabel = "FILE",
                description = "File holding the enrollment token (mode 0600); deleted after a successful enrollment.")
        Path file;

        @Option(names = "--token-stdin", description = "Read the enrollment token from standard input.")
        boolean stdin;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenSource token;

    @Option(names = "--state-dir", defaultValue = "${VIGIE_STATE_DIR:-/var/lib/vigie}",
            description = "Agent state directory: key, identity, spool (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--replace", description = "Replace an existing identity (reinstall); the collector admin approves it.")
    boolean replace;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    public EnrollCommand() {
        this(System.in);
    }

    /** For tests: the stream read by {@code --token-stdin}. */
    public EnrollCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        try {
            String text;
            if (token.file != null) {
                if (PrivateFiles.readableByOthers(token.file)) {
                    throw new DeliveryException("token_file_exposed", token.file
                            + " is readable by other users: run chmod 600 " + token.file);
                }
                text = Files.readString(token.file, StandardCharsets.UTF_8);
            } else {
                text = new String(stdin.readNBytes(16 * 1024), StandardCharsets.UTF_8);
            }
            AgentIdentity id = new Enrollment(Clock.systemUTC(), Delivery.localHostname()).enroll(stateDir, text, replace);
            if (token.file != null) {
                Files.delete(token.file);
            }
            spec.commandLine().getOut().println("enrolled: agent " + id.agentId() + " for establishment "
                    + id.establishment() + " at " + id.collectorUrl() + (replace
                    ? " (replacement: awaiting the collector admin's approval)" : ""));
            return 0;
        } catch (DeliveryException e) {
            spec.commandLine().getErr().println("enrollment refused: " + e.getMessage());
            return REFUSED;
        } catch (IOException e) {
            spec.commandLine().getErr().println("enrollment failed: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILURE;
        }
    }
}
