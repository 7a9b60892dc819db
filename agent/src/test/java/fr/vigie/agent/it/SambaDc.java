package fr.vigie.agent.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.agent.collect.ldap.LdapDirectoryCollector;
import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.config.Secret;
import fr.vigie.snapshot.DirectorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Samba AD domain controller on loopback, provisioned, started, planted and stopped by the project's own
 * scripts in {@code scripts/samba/} (so the tests exercise exactly what CI and developers run by hand).
 *
 * <p>The domain is {@code ch-test.local} (NetBIOS CHTEST) with one DC, {@code dc1}, listening on 127.0.0.1 only: the
 * ports are fixed, so only one instance may run at a time. Every failure of a script is an
 * {@link IllegalStateException} carrying the script's output, so that a broken environment fails the test rather
 * than skipping it. A JVM shutdown hook stops a DC that a test forgot (or could not) stop.
 *
 * <p>Mutable (started/stopped), not thread-safe: one test class drives one instance from its lifecycle methods.
 */
final class SambaDc {
    static final String DNS_DOMAIN = "ch-test.local";
    static final String BASE_DN = "DC=ch-test,DC=local";
    static final String DC_FQDN = "dc1.ch-test.local";
    static final String ADMIN_UPN = "Administrator@ch-test.local";
    static final String AUDIT_UPN = "vigie-audit@ch-test.local";
    /** Why the tests are skipped without -Dvigie.samba=true. */
    static final String DISABLED = "Samba AD DC integration tests are off: run with -Dvigie.samba=true, as root, "
            + "after scripts/samba/install-deps.sh (CI: .ci/run)";

    private static final Duration PROVISION_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration BACKUP_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path scripts;
    private Thread shutdownHook;

    private SambaDc(Path dir, Path scripts) {
        this.dir = dir;
        this.scripts = scripts;
    }

    /** True when the integration tests against Samba are enabled ({@code -Dvigie.samba=true}). */
    static boolean enabled() {
        return Boolean.getBoolean("vigie.samba");
    }

    /** Provisions a fresh domain into {@code dir} (which must not exist or be empty): {@code provision.sh}. */
    static SambaDc provision(Path dir) {
        SambaDc dc = new SambaDc(dir.toAbsolutePath(), scriptsDir());
        dc.run(PROVISION_TIMEOUT, "bash", dc.scripts.resolve("provision.sh").toString(), dc.dir.toString());
        return dc;
    }

    /** Starts the DC and waits until LDAP answers: {@code start.sh}. */
    void start() {
        Thread hook = new Thread(this::stopQuietly, "stop-samba-" + dir.getFileName());
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
        run(START_TIMEOUT, "bash", scripts.resolve("start.sh").toString(), dir.toString());
    }

    /** Plants the misconfigurations listed in {@code plant.sh}. */
    void plant() {
        run(START_TIMEOUT, "bash", scripts.resolve("plant.sh").toString(), dir.toString());
    }

    /**
     * Runs {@code plant-backup.sh DIR step}: {@code objects} (the backup objects), {@code samba-backup} (Samba's own
     * offline backup; prints the tarball's path) or {@code stamp} (one dSASignature write on every naming-context
     * head, as a Windows AD-aware backup does).
     *
     * @return the script's standard output
     */
    String plantBackup(String step) {
        return run(BACKUP_TIMEOUT, "bash", scripts.resolve("plant-backup.sh").toString(), dir.toString(), step);
    }

    /**
     * One entry read straight from {@code DIR/private/sam.ldb} by {@code ldbsearch} (base scope), binary attributes
     * printed as Samba's own NDR dump ({@code --show-binary}), times in UTC: what the DC stores, read by Samba's tools
     * rather than by the collector.
     *
     * @return ldbsearch's LDIF-like output
     */
    String ldbsearch(String baseDn, String... attributes) {
        List<String> command = new ArrayList<>(List.of("ldbsearch", "-H", dir.resolve("private").resolve("sam.ldb")
                .toString(), "-s", "base", "-b", baseDn, "--show-binary"));
        command.addAll(Arrays.asList(attributes));
        return run(Map.of("TZ", "UTC"), Duration.ofSeconds(30), command.toArray(String[]::new));
    }

    /** Stops the DC ({@code stop.sh}); does nothing when it is not running. Safe to call more than once. */
    void stop() {
        run(STOP_TIMEOUT, "bash", scripts.resolve("stop.sh").toString(), dir.toString());
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway and finds nothing to stop
            }
            shutdownHook = null;
        }
    }

    private void stopQuietly() {
        try {
            run(STOP_TIMEOUT, "bash", scripts.resolve("stop.sh").toString(), dir.toString());
        } catch (RuntimeException e) {
            System.err.println("could not stop the Samba DC of " + dir + ": " + e.getMessage());
        }
    }

    Path dir() {
        return dir;
    }

    /** The domain SID printed by the provisioning (domain.env). */
    String domainSid() {
        return env().get("DOMAIN_SID");
    }

    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : readLines(dir.resolve("domain.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    Path adminPasswordFile() {
        return dir.resolve("admin.pass");
    }

    Secret adminPassword() {
        return secret(adminPasswordFile());
    }

    Secret auditPassword() {
        return secret(dir.resolve("audit.pass"));
    }

    /** Password of every account planted by plant.sh. */
    Secret plantedPassword() {
        return secret(dir.resolve("planted.pass"));
    }

    /** A PKCS12 trust store holding the CA that signed the DC's certificate. */
    TrustPolicy trustedCa() {
        return new TrustPolicy.TrustStore(dir.resolve("ca.p12"), Optional.of(secret(dir.resolve("ca.p12.pass"))));
    }

    /** A PKCS12 trust store holding an unrelated CA: the DC's certificate must be rejected with it. */
    TrustPolicy unrelatedCa() {
        return new TrustPolicy.TrustStore(dir.resolve("untrusted-ca.p12"),
                Optional.of(secret(dir.resolve("untrusted-ca.p12.pass"))));
    }

    /** A target on 127.0.0.1 with short timeouts and a single attempt (a loopback DC answers at once or never). */
    static LdapTarget target(Transport transport, int port, TrustPolicy trust, String bindDn, Secret password) {
        return new LdapTarget("127.0.0.1", port, transport, trust, bindDn, password, Optional.empty(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), 1);
    }

    /** LDAPS on 636, trusting the test CA, bound as {@code bindDn}. */
    LdapTarget ldaps(String bindDn, Secret password) {
        return target(Transport.LDAPS, 636, trustedCa(), bindDn, password);
    }

    static DirectorySnapshot collect(LdapTarget target) throws CollectionException {
        return new LdapDirectoryCollector(target, CollectionProgress.NONE).collect(Instant.now());
    }

    /**
     * Runs one of impacket's examples through {@code scripts/samba/impacket/impacket_json.py} as Administrator.
     *
     * @return one map per row of the tool's table (column header to cell), plus "tool"
     */
    List<Map<String, String>> impacket(String tool) {
        String out = run(Duration.ofSeconds(60), "/usr/bin/python3",
                scripts.resolve("impacket").resolve("impacket_json.py").toString(), tool, dir.toString());
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    rows.add(JSON.readValue(line, new TypeReference<Map<String, String>>() {}));
                } catch (IOException e) {
                    throw new IllegalStateException("unparsable line from impacket_json.py " + tool + ": " + line, e);
                }
            }
        }
        return rows;
    }

    /** Runs a command; returns its standard output; throws with both outputs when it fails or times out. */
    private String run(Duration timeout, String... command) {
        return run(Map.of(), timeout, command);
    }

    /** {@link #run(Duration, String...)} with extra environment variables. */
    private String run(Map<String, String> environment, Duration timeout, String... command) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("samba-it-", ".out");
            stderr = Files.createTempFile("samba-it-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process p = builder.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            System.out.print(err);
            // "bash x.sh ..." and "python3 x.py ..." are named by their script, other commands by themselves
            int named = command.length > 1 && (command[0].equals("bash") || command[0].endsWith("python3")) ? 1 : 0;
            String name = Paths.get(command[named]).getFileName().toString();
            if (!finished) {
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s:\n" + err);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(name + " " + String.join(" ", Arrays.copyOfRange(command, named + 1,
                        command.length)) + " failed with exit status " + p.exitValue() + ":\n" + out + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** scripts/samba of the repository: searched upwards from the working directory (the module's basedir). */
    static Path scriptsDir() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("scripts").resolve("samba");
            if (Files.isRegularFile(candidate.resolve("provision.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/samba/provision.sh not found above " + Paths.get("").toAbsolutePath());
    }

    private static Secret secret(Path file) {
        try {
            return Secret.fromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /**
     * Ids of the rules not evaluated apart from the host-side backup rules: these tests audit the directory alone, so
     * the host rules are "not evaluated" by design (no host snapshot), while every directory rule must be evaluated.
     */
    static java.util.List<String> directoryRulesNotEvaluated(fr.vigie.checks.AuditResult audit) {
        return audit.notEvaluated().stream().filter(r -> !r.missingHostData().contains(fr.vigie.checks.RuleResult.HOST))
                .map(r -> r.rule().id()).toList();
    }
}
