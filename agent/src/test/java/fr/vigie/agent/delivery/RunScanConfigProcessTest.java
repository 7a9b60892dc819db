package fr.vigie.agent.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.agent.cli.VigieCli;
import fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory;
import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.SignedEnvelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie run --scan-config} as a real process (the production main, {@link VigieCli}): the scheduled audit
 * reads an AD-like LDAP directory with the settings of a {@code scan --config} file, writes the local reports with
 * the real names, and its pseudonymized report reaches the collector (embedded PostgreSQL) signed; SIGTERM stops it.
 */
class RunScanConfigProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static CollectorFixture collector;
    static AdLikeDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        collector = new CollectorFixture(dir.resolve("collector"));
        directory = AdLikeDirectory.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (directory != null) {
            directory.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    private static Path privateFile(Path f, String content) throws Exception {
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void theServiceRunsTheConfiguredScanAndDeliversItsPseudonymizedReport() throws Exception {
        Path state = dir.resolve("state");
        String agentId = new Enrollment(Clock.systemUTC(), "svc-host").enroll(state, collector.token(), false)
                .agentId();
        privateFile(dir.resolve("audit.pw"), AdLikeDirectory.AUDIT_PASSWORD + "\n");
        Path config = privateFile(dir.resolve("vigie.yaml"), String.join("\n",
                "server: 127.0.0.1",
                "port: " + directory.port(),
                "insecure-plain-ldap: true",
                "bind-dn: " + AdLikeDirectory.AUDIT_DN,
                "password-file: audit.pw",
                "out: reports",
                "timeout: 20s",
                "schedule:",
                "  auditCron: \"0 0 3 1 1 ? 2099\"",
                "  splay: 0s",
                "  checkinInterval: 1s",
                "  flushInterval: 1s",
                ""));
        Path log = dir.resolve("agent.log");
        Path stdout = dir.resolve("agent.out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                VigieCli.class.getName(), "run", "--scan-config", config.toString(), "--state-dir", state.toString(),
                "--audit-now", "--log-file", log.toString()));
        Process agent = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (collector.reports(agentId) == 0 && System.nanoTime() < end && agent.isAlive()) {
                Thread.sleep(200);
            }
            assertThat(collector.reports(agentId)).as(Files.readString(stdout)).isEqualTo(1);
        } finally {
            agent.destroy(); // SIGTERM
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String out = Files.readString(stdout);
        assertThat(out).contains("vigie agent " + agentId + " running")
                .contains("audits of 127.0.0.1:" + directory.port() + " as " + AdLikeDirectory.AUDIT_DN)
                .contains("export level pseudonymized");
        assertThat(Files.readString(log)).contains("service started").contains("audit done").contains("service stopped");

        Map<String, Object> row = collector.reportRows(agentId).get(0);
        byte[] payload = SignedEnvelope.of((String) row.get("payload_type"), (byte[]) row.get("payload"), agentId,
                (byte[]) row.get("signature")).verify(AgentKeys.publicKey(collector.publicKey(agentId))).payload();
        assertThat(row.get("domain_sid")).isEqualTo(AdLikeDirectory.DOMAIN_SID);
        JsonNode sent = JSON.readTree(payload);
        assertThat(sent.path("export").path("level").asText()).isEqualTo("pseudonymized");
        String sentText = new String(payload, StandardCharsets.UTF_8);
        Path local;
        try (Stream<Path> runs = Files.list(dir.resolve("reports"))) {
            local = runs.findFirst().orElseThrow().resolve("report.json");
        }
        String localText = Files.readString(local);
        assertThat(localText).contains(AdLikeDirectory.DOMAIN_DN).contains("dc1.example.test");
        assertThat(sentText).doesNotContainIgnoringCase("example.test").doesNotContainIgnoringCase("DC=example")
                .doesNotContainIgnoringCase("CN=audit").doesNotContainIgnoringCase("dc1."); // "dc1" alone could be hex
        assertThat(JSON.readTree(localText).path("score")).isEqualTo(sent.path("score"));
        assertThat(out + Files.readString(log)).doesNotContain(AdLikeDirectory.AUDIT_PASSWORD);
    }
}
