package fr.vigie.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.agent.delivery.AgentIdentity;
import fr.vigie.agent.delivery.CollectorFixture;
import fr.vigie.agent.delivery.Delivery;
import fr.vigie.agent.delivery.Enrollment;
import fr.vigie.agent.export.PseudonymKey;
import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.SignedEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie scan --upload} through the real command tree (fake directory, real collector on embedded PostgreSQL):
 * the report is signed, spooled, delivered and verifiable, minimised to the export level, while the local reports
 * keep the real names; a collector that is down leaves it spooled; an agent that is not enrolled is told so.
 */
class UploadCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static CollectorFixture collector;

    @TempDir
    Path tmp;

    private final CliHarness cli = new CliHarness();

    @BeforeAll
    static void start() throws Exception {
        collector = new CollectorFixture(dir.resolve("collector"));
    }

    @AfterAll
    static void stop() throws Exception {
        collector.close();
    }

    private Path privateFile(String name, String content) throws IOException {
        Path f = Files.writeString(tmp.resolve(name), content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private String[] scan(Path state, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--server", "dc1.ch-test.local", "--bind-dn",
                "audit@ch-test.local", "--out", tmp.resolve("out").toString(), "--password-file",
                privateFile("pw", "S3cret!\n").toString(), "--state-dir", state.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static AgentIdentity enroll(Path state) throws Exception {
        return new Enrollment(Clock.systemUTC(), "test-host").enroll(state, collector.token(), false);
    }

    private Path localReport() throws IOException {
        try (Stream<Path> dirs = Files.list(tmp.resolve("out"))) {
            List<Path> all = dirs.toList();
            assertThat(all).hasSize(1);
            return all.get(0).resolve("report.json");
        }
    }

    /** The one stored report of the agent, its signature verified against the enrolled key; returns the payload. */
    private static byte[] storedAndVerified(String agentId) throws Exception {
        List<Map<String, Object>> rows = collector.reportRows(agentId);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        SignedEnvelope stored = SignedEnvelope.of((String) row.get("payload_type"), (byte[]) row.get("payload"),
                agentId, (byte[]) row.get("signature"));
        byte[] payload = stored.verify(AgentKeys.publicKey(collector.publicKey(agentId))).payload();
        assertThat(row.get("domain_sid")).isEqualTo(AgentSnapshots.DOMAIN_SID);
        return payload;
    }

    @Test
    void anEnrolledAgentDeliversAPseudonymizedReportAndKeepsTheRealNamesLocally() throws Exception {
        Path state = dir.resolve("agent-pseudo");
        AgentIdentity id = enroll(state);

        int code = cli.run(scan(state, "--upload"));

        assertThat(code).as(cli.all()).isZero();
        assertThat(cli.out()).contains("(export level pseudonymized) delivered to " + collector.url());
        byte[] payload = storedAndVerified(id.agentId());
        String sent = new String(payload, StandardCharsets.UTF_8);
        String local = Files.readString(localReport());
        for (String name : List.of("SRV1", "ch-test", "CN=SRV1,CN=Computers", "dc1.ch-test.local")) {
            assertThat(local).contains(name);
            assertThat(sent).doesNotContainIgnoringCase(name);
        }
        JsonNode tree = JSON.readTree(payload);
        assertThat(tree.path("export").path("level").asText()).isEqualTo("pseudonymized");
        assertThat(tree.path("export").path("keyId").asText()).isEqualTo(PseudonymKey.loadOrCreate(state).keyId());
        assertThat(tree.path("domain").path("sid").asText()).isEqualTo(AgentSnapshots.DOMAIN_SID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(PseudonymKey.FILE))))
                .isEqualTo("rw-------");
        assertThat(Delivery.open(state).spoolStore().list()).isEmpty();
    }

    @Test
    void theExportLevelComesFromTheConfigFileAndTheCommandLineOverridesIt() throws Exception {
        Path state = dir.resolve("agent-levels");
        AgentIdentity id = enroll(state);
        Path config = privateFile("vigie.yaml", "export-level: counts\nschedule:\n  auditCron: \"0 0 3 * * ?\"\n");

        assertThat(cli.run(scan(state, "--upload", "--config", config.toString()))).as(cli.all()).isZero();
        JsonNode counts = JSON.readTree(storedAndVerified(id.agentId()));
        assertThat(counts.path("export").path("level").asText()).isEqualTo("counts");
        JsonNode rule = counts.path("rules").findParents("id").stream()
                .filter(r -> r.path("id").asText().equals("delegation-unconstrained")).findFirst().orElseThrow();
        assertThat(rule.path("evidence")).isEmpty();
        assertThat(rule.path("evidenceCount").asInt()).isEqualTo(1);

        Path state2 = dir.resolve("agent-full");
        AgentIdentity id2 = enroll(state2);
        CliHarness second = new CliHarness();
        Path out2 = tmp.resolve("out2");
        int code = second.run("scan", "--server", "dc1.ch-test.local", "--bind-dn", "audit@ch-test.local", "--out",
                out2.toString(), "--password-file", privateFile("pw2", "x\n").toString(), "--state-dir",
                state2.toString(), "--upload", "--config", config.toString(), "--export-level", "FULL");
        assertThat(code).as(second.all()).isZero();
        Path localFull;
        try (Stream<Path> dirs = Files.list(out2)) {
            localFull = dirs.findFirst().orElseThrow().resolve("report.json");
        }
        // full: the uploaded payload is byte for byte the local report.json
        assertThat(storedAndVerified(id2.agentId())).isEqualTo(Files.readAllBytes(localFull));
        assertThat(state2.resolve(PseudonymKey.FILE)).doesNotExist();
    }

    @Test
    void aCollectorThatIsDownLeavesTheReportSpooledAndTheScanSucceeds() throws Exception {
        Path state = dir.resolve("agent-down");
        AgentIdentity id = enroll(state);
        collector.stop();
        try {
            int code = cli.run(scan(state, "--upload", "--upload-wait", "0s"));
            assertThat(code).as(cli.all()).isZero();
            assertThat(cli.out()).contains("is spooled in " + state.resolve("spool"))
                    .contains("the collector at " + collector.url() + " cannot be reached");
            assertThat(Delivery.open(state).spoolStore().list()).hasSize(1);
        } finally {
            collector.start();
        }
        assertThat(collector.reports(id.agentId())).isZero();
        assertThat(Delivery.open(state).flush().complete()).isTrue();
        storedAndVerified(id.agentId());
    }

    @Test
    void anAgentThatIsNotEnrolledIsToldToEnrollBeforeAnythingIsScanned() throws Exception {
        Path state = dir.resolve("never-enrolled");

        int code = cli.run(scan(state, "--upload"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("this agent is not enrolled").contains("vigie enroll --token-file")
                .contains(state.toString());
        assertThat(cli.target.get()).as("no collection was attempted").isNull();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownExportLevelIsAUsageErrorListingTheChoices() throws Exception {
        int code = cli.run(scan(dir.resolve("whatever"), "--export-level", "anonymous"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--export-level").contains("'anonymous'")
                .contains("full, pseudonymized, counts");
        Path bad = privateFile("bad.yaml", "export-level: everything\n");
        CliHarness other = new CliHarness();
        assertThat(other.run(scan(dir.resolve("whatever"), "--config", bad.toString()))).isEqualTo(2);
        assertThat(other.err()).contains("key 'export-level'").contains("'everything'");
    }

    @Test
    void runRefusesAScanConfigWithoutAPasswordSourceAndAnAgentThatIsNotEnrolled() throws Exception {
        Path noPassword = privateFile("svc.yaml", "server: dc1.ch-test.local\nbind-dn: audit@ch-test.local\n");
        int code = cli.run("run", "--scan-config", noPassword.toString(), "--state-dir", dir.resolve("x").toString());
        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("a service cannot prompt").contains("password-file");

        Path withPassword = privateFile("svc2.yaml", "server: dc1.ch-test.local\nbind-dn: audit@ch-test.local\n"
                + "password-file: pw\n");
        privateFile("pw", "S3cret!\n");
        CliHarness other = new CliHarness();
        code = other.run("run", "--scan-config", withPassword.toString(), "--state-dir", dir.resolve("y").toString());
        assertThat(code).isEqualTo(2);
        assertThat(other.err()).contains("not enrolled");

        Path missingPassword = privateFile("svc3.yaml", "server: dc1.ch-test.local\nbind-dn: a@b\n"
                + "password-file: nowhere.pw\n");
        CliHarness third = new CliHarness();
        assertThat(third.run("run", "--scan-config", missingPassword.toString(), "--state-dir",
                dir.resolve("z").toString())).isEqualTo(2);
        assertThat(third.err()).contains("nowhere.pw").contains("does not exist");
    }

    @Test
    void helpDocumentsTheUploadAndTheServiceOptions() {
        assertThat(cli.run("scan", "--help")).isZero();
        assertThat(cli.out()).contains("--upload").contains("--state-dir").contains("--export-level")
                .contains("--upload-wait");
        CliHarness run = new CliHarness();
        assertThat(run.run("run", "--help")).isZero();
        assertThat(run.out()).contains("--scan-config").contains("Exit codes:");
    }
}
