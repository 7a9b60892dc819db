package fr.vigie.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.agent.cli.VigieCli;
import fr.vigie.agent.delivery.AgentIdentity;
import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.SignedEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real processes only: the collector ({@code vigie-collector serve} on its embedded PostgreSQL, and
 * its admin CLI to create the establishment and mint a token), the agent ({@code vigie enroll}, then
 * {@code vigie scan --upload} and {@code vigie run --scan-config}) and a real Samba AD DC provisioned and started by
 * {@code scripts/samba/}. Each report must be in the collector's database with a signature that verifies again
 * against the enrolled key, and the Samba domain's SID. Off unless {@code -Dvigie.samba=true} (needs root and the
 * packages of {@code scripts/samba/install-deps.sh}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SambaUploadEndToEndTest {
    private static final String COLLECTOR = "fr.vigie.collector.cli.CollectorCli";
    private static final String AGENT = VigieCli.class.getName();
    private static final String FINESS = "290000017";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static SambaDc dc;
    private static Process serve;
    private static Path data;
    private static Path state;
    private static Path config;
    private static String agentId;
    private static int port;
    private static int logs;

    @BeforeAll
    static void startEverything() throws Exception {
        if (!SambaDc.enabled()) {
            return; // every test is then skipped, visibly, by requireSamba()
        }
        Files.createDirectories(tmp.resolve("logs"));
        data = tmp.resolve("collector-data");
        serve = startServe();
        assertThat(run(COLLECTOR, "establishment", "create", "--data-dir", data.toString(), "--finess", FINESS,
                "--name", "CHU de Test", "--region", "Bretagne", "--category", "CHU")).isZero();
        Path token = tmp.resolve("agent.token");
        assertThat(run(COLLECTOR, "token", "mint", "--data-dir", data.toString(), "--establishment", FINESS,
                "--url", "https://127.0.0.1:" + port, "--uses", "1", "--expires", "1h", "--out", token.toString()))
                .isZero();
        state = tmp.resolve("agent-state");
        assertThat(run(AGENT, "enroll", "--token-file", token.toString(), "--state-dir", state.toString())).isZero();
        assertThat(token).doesNotExist();
        agentId = AgentIdentity.load(state).agentId();

        dc = SambaDc.provision(tmp.resolve("dc"));
        startWhenThePortsAreFree(dc);
        config = privateFile(tmp.resolve("vigie.yaml"), String.join("\n",
                "server: 127.0.0.1",
                "bind-dn: " + SambaDc.AUDIT_UPN,
                "password-file: " + dc.dir().resolve("audit.pass"),
                "trust-store: " + dc.dir().resolve("ca.p12"),
                "trust-store-password-file: " + dc.dir().resolve("ca.p12.pass"),
                "out: " + tmp.resolve("reports"),
                "schedule:",
                "  auditCron: \"0 0 3 1 1 ? 2099\"",
                "  splay: 0s",
                "  checkinInterval: 2s",
                "  flushInterval: 1s",
                ""));
    }

    /** Another test class may hold the Samba ports for a while (one DC at a time): wait for them, never kill it. */
    private static void startWhenThePortsAreFree(SambaDc sambaDc) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                sambaDc.start();
                return;
            } catch (IllegalStateException e) {
                if (attempt >= 10 || !String.valueOf(e.getMessage()).contains("already in use")) {
                    throw e;
                }
                System.err.println("Samba ports busy (another DC is running); retrying in 60 s");
                Thread.sleep(60_000);
            }
        }
    }

    @BeforeEach
    void requireSamba() {
        assumeTrue(SambaDc.enabled(), SambaDc.DISABLED);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (dc != null) {
                dc.stop();
            }
        } finally {
            if (serve != null && serve.isAlive()) {
                serve.destroy(); // SIGTERM: stops the server and its embedded PostgreSQL
                serve.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    // ---- the processes ---------------------------------------------------------------------------------------------

    private static ProcessBuilder java(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("logs").resolve((logs++) + "-" + args[0] + ".log");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    private static Path logOf(ProcessBuilder pb) {
        return pb.redirectOutput().file().toPath();
    }

    private static int run(String main, String... args) throws Exception {
        return runLogged(main, args).code();
    }

    private record Ran(int code, String output) {}

    private static Ran runLogged(String main, String... args) throws Exception {
        ProcessBuilder pb = java(main, args);
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s %s timed out", main, args[0]).isTrue();
        String output = Files.readString(logOf(pb));
        if (p.exitValue() != 0) {
            System.err.println(output);
        }
        return new Ran(p.exitValue(), output);
    }

    private static Process startServe() throws Exception {
        ProcessBuilder pb = java(COLLECTOR, "serve", "--data-dir", data.toString(), "--host", "127.0.0.1", "--port",
                "0", "--generate-self-signed");
        Process p = pb.start();
        Pattern listening = Pattern.compile("listening on https://127\\.0\\.0\\.1:(\\d+)");
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            Matcher m = listening.matcher(Files.exists(logOf(pb)) ? Files.readString(logOf(pb)) : "");
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return p;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the collector did not start:\n" + Files.readString(logOf(pb)));
    }

    private static Jdbi db() throws IOException {
        String pgPort = Files.readString(data.resolve("postgres.port")).strip();
        return Jdbi.create("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "");
    }

    private static List<Map<String, Object>> storedReports() throws IOException {
        return db().withHandle(h -> h.createQuery("SELECT report_id, payload_type, payload, signature, domain_sid, "
                + "domain_dns, maturity_level FROM reports WHERE agent_id = :a ORDER BY id").bind("a", agentId)
                .mapToMap().list());
    }

    /** Verifies the stored envelope again, with the key the collector enrolled; returns the payload. */
    private static byte[] reverify(Map<String, Object> row) throws Exception {
        byte[] key = db().withHandle(h -> h.createQuery("SELECT public_key FROM agents WHERE id = :a")
                .bind("a", agentId).mapTo(byte[].class).one());
        assertThat(AgentKeys.agentId(AgentKeys.publicKey(key))).isEqualTo(agentId);
        return SignedEnvelope.of((String) row.get("payload_type"), (byte[]) row.get("payload"), agentId,
                (byte[]) row.get("signature")).verify(AgentKeys.publicKey(key)).payload();
    }

    private static Path privateFile(Path f, String content) throws IOException {
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private static Path newestLocalReport() throws IOException {
        try (Stream<Path> runs = Files.list(tmp.resolve("reports"))) {
            return runs.sorted().reduce((a, b) -> b).orElseThrow().resolve("report.json");
        }
    }

    // ---- the tests -------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void scanUploadSendsTheSambaReportSignedAndItIsStoredVerifiedUnderTheDomainSid() throws Exception {
        Ran scan = runLogged(AGENT, "scan", "--config", config.toString(), "--upload", "--state-dir",
                state.toString());

        assertThat(scan.code()).as(scan.output()).isZero();
        assertThat(scan.output()).contains("Reading 127.0.0.1:636 (LDAPS) as " + SambaDc.AUDIT_UPN)
                .containsPattern("Upload: report [0-9a-f-]{36} \\(export level pseudonymized\\) delivered to "
                        + "https://127.0.0.1:" + port);
        List<Map<String, Object>> rows = storedReports();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        byte[] payload = reverify(row);
        assertThat(row.get("domain_sid")).isEqualTo(dc.domainSid()).asString().startsWith("S-1-5-21-");
        JsonNode sent = JSON.readTree(payload);
        assertThat(sent.path("domain").path("sid").asText()).isEqualTo(dc.domainSid());
        assertThat(sent.path("export").path("level").asText()).isEqualTo("pseudonymized");
        assertThat(row.get("domain_dns")).asString().startsWith("host-");
        // the local report names the domain; what left for the collector does not
        String local = Files.readString(newestLocalReport());
        String sentText = new String(payload, StandardCharsets.UTF_8);
        for (String name : List.of(SambaDc.BASE_DN, SambaDc.DNS_DOMAIN, SambaDc.DC_FQDN, "CN=Administrator,CN=Users")) {
            assertThat(local).containsIgnoringCase(name);
            assertThat(sentText).doesNotContainIgnoringCase(name);
        }
        JsonNode localTree = JSON.readTree(local);
        assertThat(sent.path("score")).isEqualTo(localTree.path("score"));
        assertThat(((Number) row.get("maturity_level")).intValue()).isEqualTo(localTree.path("score")
                .path("maturityLevel").asInt());
        try (Stream<Path> spool = Files.list(state.resolve("spool"))) {
            assertThat(spool.filter(f -> f.getFileName().toString().endsWith(".json"))).isEmpty();
        }
    }

    @Test
    @Order(2)
    void theServiceRunsTheSameScanOnScheduleAndDeliversItToo() throws Exception {
        ProcessBuilder pb = java(AGENT, "run", "--scan-config", config.toString(), "--state-dir", state.toString(),
                "--audit-now", "--log-file", tmp.resolve("agent-service.log").toString());
        Process agent = pb.start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (storedReports().size() < 2 && System.nanoTime() < end && agent.isAlive()) {
                Thread.sleep(250);
            }
        } finally {
            agent.destroy(); // SIGTERM
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        String output = Files.readString(logOf(pb));
        List<Map<String, Object>> rows = storedReports();
        assertThat(rows).as(output).hasSize(2);
        Map<String, Object> second = rows.get(1);
        assertThat(reverify(second)).isNotEmpty();
        assertThat(second.get("domain_sid")).isEqualTo(dc.domainSid());
        assertThat(second.get("report_id")).isNotEqualTo(rows.get(0).get("report_id"));
        assertThat(output).contains("audits of 127.0.0.1:636 as " + SambaDc.AUDIT_UPN);
        assertThat(Files.readString(tmp.resolve("agent-service.log"))).contains("audit done")
                .contains("service stopped");
        Long checkins = db().withHandle(h -> h.createQuery("SELECT count(*) FROM agents WHERE id = :a AND "
                + "last_checkin IS NOT NULL").bind("a", agentId).mapTo(Long.class).one());
        assertThat(checkins).isEqualTo(1);
    }
}
