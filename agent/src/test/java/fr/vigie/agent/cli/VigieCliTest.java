package fr.vigie.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.collect.ldap.CollectionException.Reason;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportJson;
import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VigieCliTest {
    private static final String SECRET = "S3cret-Pa55word!";

    @TempDir
    Path tmp;

    private final CliHarness cli = new CliHarness();

    private Path privateFile(String name, String content) throws IOException {
        Path f = Files.writeString(tmp.resolve(name), content);
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: nothing to restrict
        }
        return f;
    }

    private Path savedSnapshot(AgentSnapshots fixture) throws IOException {
        Path file = tmp.resolve("snapshot.json");
        SnapshotJson.write(fixture.build(), file);
        return file;
    }

    private static Path onlyDirectory(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> all = dirs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static ReportDocument readReport(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("report.json"))) {
            return ReportJson.read(in);
        }
    }

    private static String allFilesUnder(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    // --- help and version -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "scan", "check", "demo", "bench"})
    void everyCommandHasHelpWithTheExitCodes(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};

        int code = cli.run(args);

        assertThat(code).isZero();
        assertThat(cli.out()).contains("Usage: vigie" + (command.isEmpty() ? "" : " " + command))
                .contains("Exit codes:").contains(" 3   audit done but the collection was incomplete")
                .contains(" 5   TLS failed").contains("--version").contains("--verbose");
    }

    @Test
    void scanHelpDocumentsTheSafeWaysToGiveAPasswordAndHidesTheUnsafeOne() {
        cli.run("scan", "--help");
        assertThat(cli.out()).contains("--password-file=<file>").contains("--password-env=<VAR>")
                .contains("--insecure-plain-ldap").contains("--insecure-trust-any-certificate")
                .contains("--pin-sha256=<hex>").contains("--config=<file>").doesNotContain("--password=")
                .doesNotContain("--password ");
    }

    @Test
    void benchHelpShowsTheDefaultSize() {
        cli.run("bench", "--help");
        assertThat(cli.out()).contains("--objects=<n>").contains("150000");
    }

    @Test
    void versionIsTheBuildVersion() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).startsWith("vigie ").doesNotContain("unknown").containsPattern("vigie \\d+\\.\\d+");

        CliHarness sub = new CliHarness();
        assertThat(sub.run("check", "--version")).isZero();
        assertThat(sub.out()).isEqualTo(cli.out());
    }

    @Test
    void noCommandOrAnUnknownOptionIsAUsageError() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing command").contains("Usage: vigie");

        CliHarness other = new CliHarness();
        assertThat(other.run("check", "--frobnicate", "x.json")).isEqualTo(2);
        assertThat(other.err()).contains("--frobnicate");
    }

    // --- check ------------------------------------------------------------------------------------------------

    @Test
    void checkReauditsASavedSnapshotOffline() throws IOException {
        Path snapshot = savedSnapshot(AgentSnapshots.domain().unconstrainedServer("SRV1"));
        Path out = tmp.resolve("out");

        int code = cli.run("check", snapshot.toString(), "--out", out.toString());

        assertThat(code).as(cli.err()).isZero();
        Path dir = onlyDirectory(out);
        assertThat(dir.getFileName().toString()).isEqualTo("ch-test.local-20260601-083000");
        assertThat(dir.resolve("report.html")).exists();
        assertThat(dir.resolve("snapshot.json")).doesNotExist();
        ReportDocument report = readReport(dir);
        assertThat(report.rule("delegation-unconstrained").orElseThrow().status()).isEqualTo("FAIL");
        assertThat(report.collection().complete()).isTrue();
        assertThat(cli.out()).contains("Vigie audit of ch-test.local").contains("Maturity level:")
                .contains(dir.resolve("report.html").toString());
    }

    @Test
    void checkOfAnIncompleteSnapshotExitsWith3AndWarns() throws IOException {
        Path snapshot = savedSnapshot(AgentSnapshots.domain().failed(DataSource.COMPUTERS));

        int code = cli.run("check", snapshot.toString(), "--out", tmp.resolve("out").toString());

        assertThat(code).isEqualTo(3);
        assertThat(cli.out()).contains("WARNING: incomplete result").contains("Not collected: COMPUTERS");
        ReportDocument report = readReport(onlyDirectory(tmp.resolve("out")));
        assertThat(report.rule("delegation-unconstrained").orElseThrow().status()).isEqualTo("NOT_EVALUATED");
    }

    @Test
    void checkOfAMissingOrInvalidSnapshotIsAUsageError() throws IOException {
        assertThat(cli.run("check", tmp.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("snapshot").contains("nope.json").contains("does not exist")
                .doesNotContain("Exception");

        CliHarness other = new CliHarness();
        Path notASnapshot = Files.writeString(tmp.resolve("x.json"), "{\"hello\": 1}");
        assertThat(other.run("check", notASnapshot.toString())).isEqualTo(2);
        assertThat(other.err()).contains("not a Vigie snapshot");
    }

    @Test
    void checkWithBadThresholdsNamesTheRule() throws IOException {
        Path snapshot = savedSnapshot(AgentSnapshots.domain());
        Path thresholds = Files.writeString(tmp.resolve("site.yaml"), "rules:\n  no-such-rule:\n    thresholds: {}\n");

        int code = cli.run("check", snapshot.toString(), "--thresholds", thresholds.toString(), "--out",
                tmp.resolve("out").toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--thresholds").contains("no-such-rule");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void checkWithAnUnwritableOutputExitsWith7() throws IOException {
        Path snapshot = savedSnapshot(AgentSnapshots.domain());
        Path file = Files.writeString(tmp.resolve("occupied"), "x");

        assertThat(cli.run("check", snapshot.toString(), "--out", file.toString())).isEqualTo(7);
        assertThat(cli.err()).contains("cannot write").contains("writable --out");
    }

    // --- scan -------------------------------------------------------------------------------------------------

    private String[] scanArgs(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("scan", "--server", "dc1.ch-test.local", "--bind-dn",
                "audit@ch-test.local", "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void scanWiresTheTargetAndWritesTheThreeFiles() throws IOException {
        Path pw = privateFile("pw", SECRET + "\n");

        int code = cli.run(scanArgs("--password-file", pw.toString(), "--timeout", "10s"));

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.target.get().address()).isEqualTo("dc1.ch-test.local:636");
        assertThat(cli.target.get().transport()).isEqualTo(Transport.LDAPS);
        assertThat(cli.target.get().trust()).isInstanceOf(TrustPolicy.SystemDefault.class);
        assertThat(cli.target.get().responseTimeout()).hasSeconds(10);
        Path dir = onlyDirectory(tmp.resolve("out"));
        assertThat(dir.resolve("snapshot.json")).exists();
        assertThat(dir.resolve("report.json")).exists();
        assertThat(dir.resolve("report.html")).exists();
        assertThat(cli.err()).contains("collecting users...").contains("users: 2 objects");
        assertThat(cli.out()).contains("Snapshot").contains("HTML report");
    }

    @Test
    void aPasswordFromAFileIsUsedButNeverShownAnywhere() throws IOException {
        Path pw = privateFile("pw", SECRET + "\n");

        int code = cli.run(scanArgs("--password-file", pw.toString(), "--verbose"));

        assertThat(code).isZero();
        assertThat(cli.passwordSeen.get()).isEqualTo(SECRET);
        assertThat(cli.all()).doesNotContain(SECRET);
        assertThat(allFilesUnder(tmp.resolve("out"))).doesNotContain(SECRET);

        CliHarness refused = new CliHarness();
        refused.failure = new CollectionException(Reason.BIND_REFUSED, "the DC refused the bind of audit@ch-test.local "
                + "(invalid credentials)", null);
        assertThat(refused.run(scanArgs("--password-file", pw.toString(), "--verbose"))).isEqualTo(6);
        assertThat(refused.passwordSeen.get()).isEqualTo(SECRET);
        assertThat(refused.all()).contains("refused the bind").doesNotContain(SECRET);
    }

    @Test
    void aPasswordFromTheEnvironmentIsUsed() {
        cli.environment.put("VIGIE_BIND_PASSWORD", SECRET);

        assertThat(cli.run(scanArgs("--password-env", "VIGIE_BIND_PASSWORD"))).isZero();
        assertThat(cli.passwordSeen.get()).isEqualTo(SECRET);
        assertThat(cli.all()).doesNotContain(SECRET);
    }

    @Test
    void aMissingPasswordFileIsAClearUsageError() {
        Path missing = tmp.resolve("absent.pw");

        int code = cli.run(scanArgs("--password-file", missing.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("password file " + missing + " does not exist").contains("chmod 600")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.target.get()).isNull();
    }

    @Test
    void aPasswordFileReadableByOthersIsRefused() throws IOException {
        Path pw = privateFile("pw", SECRET);
        try {
            Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            return; // the rule only exists on POSIX
        }
        assertThat(cli.run(scanArgs("--password-file", pw.toString()))).isEqualTo(2);
        assertThat(cli.err()).contains("readable by other users").contains("chmod 600");
    }

    @Test
    void withoutPasswordSourceOrTerminalTheUserIsToldWhatToUse() {
        assertThat(cli.run(scanArgs())).isEqualTo(2);
        assertThat(cli.err()).contains("--password-file").contains("--password-env");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndNotEchoed() {
        int code = cli.run(scanArgs("--password", SECRET));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("never accepted on the command line").contains("--password-file");
        assertThat(cli.all()).doesNotContain(SECRET);
        assertThat(cli.target.get()).isNull();
    }

    @Test
    void aBadConfigKeyIsAUsageErrorNamingTheKey() throws IOException {
        Path config = Files.writeString(tmp.resolve("vigie.yaml"), "server: dc1\nbind-dn: a@b\nbase_dn: DC=x\n");

        int code = cli.run("scan", "--config", config.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("unknown key 'base_dn'").contains(config.toString());
    }

    @Test
    void theConfigFileProvidesSettingsAndTheCommandLineOverridesThem() throws IOException {
        cli.environment.put("PW", SECRET);
        Path config = Files.writeString(tmp.resolve("vigie.yaml"), String.join("\n",
                "server: from-file.ch-test.local", "bind-dn: audit@ch-test.local", "password-env: PW", "starttls: true",
                "out: " + tmp.resolve("out"), ""));

        int code = cli.run("scan", "--config", config.toString(), "--server", "from-cli.ch-test.local");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.target.get().host()).isEqualTo("from-cli.ch-test.local");
        assertThat(cli.target.get().transport()).isEqualTo(Transport.STARTTLS);
        assertThat(cli.target.get().port()).isEqualTo(389);
        assertThat(onlyDirectory(tmp.resolve("out"))).exists();
    }

    @Test
    void insecureOptionsPrintAWarning() throws IOException {
        Path pw = privateFile("pw", SECRET);
        assertThat(cli.run(scanArgs("--password-file", pw.toString(), "--insecure-trust-any-certificate"))).isZero();
        assertThat(cli.err()).contains("WARNING: --insecure-trust-any-certificate");
        assertThat(cli.target.get().trust()).isInstanceOf(TrustPolicy.TrustAnyCertificateInsecure.class);

        CliHarness plain = new CliHarness();
        assertThat(plain.run(scanArgs("--password-file", pw.toString(), "--insecure-plain-ldap"))).isZero();
        assertThat(plain.err()).contains("WARNING: --insecure-plain-ldap").contains("NOT encrypted");
        assertThat(plain.target.get().port()).isEqualTo(389);
    }

    @Test
    void aMissingTrustStoreIsAUsageErrorBeforeConnecting() throws IOException {
        Path pw = privateFile("pw", SECRET);

        int code = cli.run(scanArgs("--password-file", pw.toString(), "--trust-store",
                tmp.resolve("ca.p12").toString()));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--trust-store").contains("no such file");
        assertThat(cli.target.get()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "UNREACHABLE, 4, firewall",
        "ROOT_DSE_UNREADABLE, 4, domain controller",
        "TLS_UNTRUSTED, 5, --pin-sha256",
        "TLS_FAILED, 5, --starttls",
        "BIND_REFUSED, 6, --bind-dn"
    })
    void collectionFailuresMapToNamedExitCodesWithAHint(Reason reason, int exitCode, String hint) throws IOException {
        Path pw = privateFile("pw", SECRET);
        cli.failure = new CollectionException(reason, "collector says " + reason, new IOException("cause"));

        int code = cli.run(scanArgs("--password-file", pw.toString()));

        assertThat(code).isEqualTo(exitCode);
        assertThat(cli.err()).contains("vigie scan: collector says " + reason).contains(hint)
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    // --- demo and bench ---------------------------------------------------------------------------------------

    @Test
    void demoScansTheDemoDomainSaysWhereTheReportIsAndStopsTheServer() throws IOException {
        Path out = tmp.resolve("demo");

        int code = cli.run("demo", "--out", out.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.target.get().host()).isEqualTo("127.0.0.1");
        assertThat(cli.demoClosed).isTrue();
        Path html = onlyDirectory(out).resolve("report.html");
        assertThat(cli.out()).contains("Open the HTML report in a browser: " + html.toAbsolutePath().toUri());
    }

    @Test
    void aDemoThatCannotStartFailsCleanlyAndShowsTheTraceOnlyWhenVerbose() {
        cli.demoFailure = new UnsupportedOperationException("demo domain not implemented yet");

        assertThat(cli.run("demo", "--out", tmp.resolve("d").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("vigie demo: unexpected error: demo domain not implemented yet")
                .contains("--verbose").doesNotContain("\tat ");

        CliHarness verbose = new CliHarness();
        verbose.demoFailure = cli.demoFailure;
        assertThat(verbose.run("demo", "--verbose", "--out", tmp.resolve("d").toString())).isEqualTo(1);
        assertThat(verbose.err()).contains("UnsupportedOperationException").contains("\tat ");

        CliHarness verboseFirst = new CliHarness();
        verboseFirst.demoFailure = cli.demoFailure;
        assertThat(verboseFirst.run("--verbose", "demo", "--out", tmp.resolve("d").toString())).isEqualTo(1);
        assertThat(verboseFirst.err()).contains("\tat ");
    }

    @Test
    void benchPassesTheSizeAndPrintsToTheInjectedOutput() {
        assertThat(cli.run("bench", "--objects", "2000")).isZero();
        assertThat(cli.benchObjects.get()).isEqualTo(2000);
        assertThat(cli.out()).contains("bench: 2000 objects, 12345 objects/s");

        CliHarness defaults = new CliHarness();
        assertThat(defaults.run("bench")).isZero();
        assertThat(defaults.benchObjects.get()).isEqualTo(150_000);

        CliHarness bad = new CliHarness();
        assertThat(bad.run("bench", "--objects", "0")).isEqualTo(2);
        assertThat(bad.err()).contains("--objects");
    }

    @Test
    void theSnapshotWrittenByScanCanBeCheckedAgain() throws IOException {
        cli.environment.put("PW", SECRET);
        assertThat(cli.run(scanArgs("--password-env", "PW"))).isZero();
        Path snapshot = onlyDirectory(tmp.resolve("out")).resolve("snapshot.json");
        assertThat(SnapshotJson.read(snapshot).collectedAt()).isEqualTo(AgentSnapshots.AS_OF);

        CliHarness check = new CliHarness();
        assertThat(check.run("check", snapshot.toString(), "--out", tmp.resolve("again").toString())).isZero();
        assertThat(readReport(onlyDirectory(tmp.resolve("again"))).rule("delegation-unconstrained").orElseThrow()
                .status()).isEqualTo("FAIL");
    }
}
