package fr.vigie.collector.cli;

import fr.vigie.collector.store.AgentRecord;
import fr.vigie.collector.store.Agents;
import fr.vigie.collector.store.CollectorDatabase;
import fr.vigie.collector.store.EnrollmentTokens;
import fr.vigie.collector.store.Establishment;
import fr.vigie.collector.store.EstablishmentCategory;
import fr.vigie.collector.store.Establishments;
import fr.vigie.collector.tls.TlsMaterial;
import fr.vigie.wire.EnrollmentToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Admin subcommands, run against the same database as {@code serve} (attaching to its embedded server if running). */
final class AdminCommands {
    private AdminCommands() {}

    /** Base of admin commands: opens the database, runs, closes. */
    abstract static class DatabaseCommand implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            try (CollectorDatabase database = CollectorDatabase.open(db.settings(false))) {
                return run(database, spec.commandLine().getOut());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                return ExitCodes.REFUSED;
            }
        }

        abstract int run(CollectorDatabase database, PrintWriter out) throws Exception;
    }

    @Command(name = "establishment", mixinStandardHelpOptions = true, description = "Manage establishments.",
            subcommands = {EstablishmentCreate.class, EstablishmentList.class})
    static final class EstablishmentCommand {}

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Register an establishment (legal entity).")
    static final class EstablishmentCreate extends DatabaseCommand {
        @Option(names = "--finess", required = true, description = "FINESS legal-entity (EJ) number, 9 characters.")
        String finess;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--region", required = true)
        String region;

        @Option(names = "--category", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
        EstablishmentCategory category;

        @Override
        int run(CollectorDatabase database, PrintWriter out) {
            Establishment e = new Establishments(database.jdbi()).create(finess, name, region, category);
            out.println("establishment " + e.finess() + " created: " + e.name() + " (" + e.region() + ", "
                    + e.category() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List establishments.")
    static final class EstablishmentList extends DatabaseCommand {
        @Override
        int run(CollectorDatabase database, PrintWriter out) {
            for (Establishment e : new Establishments(database.jdbi()).list()) {
                out.printf("%s  %-14s %-20s %s%n", e.finess(), e.category(), e.region(), e.name());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Enrollment tokens.",
            subcommands = {TokenMint.class})
    static final class TokenCommand {}

    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = "Mint an enrollment token. It is shown once (or written to a 0600 file); only its hash is kept.")
    static final class TokenMint extends DatabaseCommand {
        @Mixin
        TlsOptions tls;

        @Option(names = "--establishment", required = true, description = "FINESS number of the establishment.")
        String establishment;

        @Option(names = "--expires", defaultValue = "7d",
                description = "Lifetime (e.g. 7d, 12h, 30m) or an ISO-8601 instant (default: ${DEFAULT-VALUE}).")
        String expires;

        @Option(names = "--uses", defaultValue = "1", description = "How many agents may enroll with it (default: 1).")
        int uses;

        @Option(names = "--url", required = true, description = "The collector's https URL as agents reach it.")
        URI url;

        @Option(names = "--out", description = "Write the token to this new file (mode 0600) instead of stdout.")
        Path outFile;

        @Override
        int run(CollectorDatabase database, PrintWriter out) throws IOException {
            Establishment e = new Establishments(database.jdbi()).findByFiness(establishment)
                    .orElseThrow(() -> new IllegalArgumentException("unknown establishment " + establishment));
            Instant expiry = expiry(expires, Clock.systemUTC().instant());
            TlsMaterial material = tls.load(db.dataDir, false, List.of("localhost"));
            EnrollmentToken token = new EnrollmentToken(url, EnrollmentToken.newSecret(), material.pin(), e.finess(),
                    expiry);
            material.clear();
            String text = token.encode();
            if (outFile != null) {
                // create the 0600 file first, so that the secret is never readable by others, and never overwrite
                Files.createFile(outFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(outFile, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            }
            new EnrollmentTokens(database.jdbi()).mint(e.id(), EnrollmentToken.hashSecret(token.secret()), expiry, uses);
            if (outFile != null) {
                out.println("token for " + e.finess() + " written to " + outFile + " (expires " + expiry + ", "
                        + uses + " use(s))");
            } else {
                out.println(text);
                spec.commandLine().getErr().println("token for " + e.finess() + " (expires " + expiry + ", " + uses
                        + " use(s)): shown once, store it now");
            }
            return ExitCodes.OK;
        }

        static Instant expiry(String text, Instant now) {
            try {
                if (text.matches("[0-9]+[dhm]")) {
                    long n = Long.parseLong(text.substring(0, text.length() - 1));
                    char unit = text.charAt(text.length() - 1);
                    return now.plus(unit == 'd' ? Duration.ofDays(n) : unit == 'h' ? Duration.ofHours(n)
                            : Duration.ofMinutes(n));
                }
                return Instant.parse(text);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException("bad --expires " + text + ": use 7d, 12h, 30m or an ISO instant");
            }
        }
    }

    @Command(name = "agents", mixinStandardHelpOptions = true, description = "Enrolled agents.",
            subcommands = {AgentsList.class})
    static final class AgentsCommand {}

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List agents with their status and last check-in (connected < 30 min, inactive > 14 days).")
    static final class AgentsList extends DatabaseCommand {
        @Override
        int run(CollectorDatabase database, PrintWriter out) {
            Instant now = Instant.now();
            out.printf("%-32s %-9s %-19s %-20s %-24s %s%n", "AGENT", "FINESS", "STATUS", "HOST", "LAST CHECK-IN",
                    "STATE");
            for (AgentRecord a : new Agents(database.jdbi()).list()) {
                String state = a.lastCheckin().map(t -> Duration.between(t, now).compareTo(Duration.ofMinutes(30)) <= 0
                        ? "connected" : Duration.between(t, now).compareTo(Duration.ofDays(14)) > 0 ? "inactive"
                        : "disconnected").orElse("never checked in");
                out.printf("%-32s %-9s %-19s %-20s %-24s %s%s%n", a.id(), a.finess(), a.status().dbValue(),
                        a.hostname(), a.lastCheckin().map(Instant::toString).orElse("-"), state,
                        a.cloneSuspected() ? " CLONE? (check-in from " + a.lastCheckinHost().orElse("?") + ")" : "");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "agent", mixinStandardHelpOptions = true, description = "Act on one agent.",
            subcommands = {AgentRevoke.class, AgentApproveReplacement.class})
    static final class AgentCommand {}

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an agent: its uploads are refused.")
    static final class AgentRevoke extends DatabaseCommand {
        @Parameters(paramLabel = "AGENT_ID")
        String agentId;

        @Override
        int run(CollectorDatabase database, PrintWriter out) {
            if (!new Agents(database.jdbi()).revoke(agentId)) {
                throw new IllegalArgumentException("unknown agent " + agentId);
            }
            out.println("agent " + agentId + " revoked");
            return ExitCodes.OK;
        }
    }

    @Command(name = "approve-replacement", mixinStandardHelpOptions = true,
            description = "Activate an agent enrolled with --replace; the agent it replaces is marked replaced.")
    static final class AgentApproveReplacement extends DatabaseCommand {
        @Parameters(paramLabel = "NEW_AGENT_ID")
        String agentId;

        @Override
        int run(CollectorDatabase database, PrintWriter out) {
            new Agents(database.jdbi()).approveReplacement(agentId);
            out.println("agent " + agentId + " active; the agent it replaces (if any) is marked replaced");
            return ExitCodes.OK;
        }
    }
}
