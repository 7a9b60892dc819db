package fr.vigie.agent.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.wire.Api;
import fr.vigie.wire.MessageHeader;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.SignedEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery with real processes: the collector's {@code serve} and admin CLI, and agent processes, killed with
 * SIGKILL at the worst moments. Also watches {@code ps} and every log for the token and the private key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessDeliveryTest {
    private static final String COLLECTOR = "fr.vigie.collector.cli.CollectorCli";
    private static final String AGENT = AgentTestMain.class.getName();
    private static final String FINESS = "560000044";

    @TempDir
    static Path dir;
    static Path data;
    static Process serve;
    static int port;
    static int logs;
    static final List<String> secrets = new ArrayList<>();
    static final StringBuilder psSeen = new StringBuilder();
    static final AtomicBoolean watching = new AtomicBoolean(true);
    static Thread psWatcher;

    static ProcessBuilder java(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("logs").resolve((logs++) + "-" + args[0] + ".log");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    static Path logOf(Process p, ProcessBuilder pb) {
        return pb.redirectOutput().file().toPath();
    }

    static int run(String main, String... args) throws Exception {
        ProcessBuilder pb = java(main, args);
        Process p = pb.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process timed out").isTrue();
        int code = p.exitValue();
        if (code != 0) {
            System.err.println(Files.readString(logOf(p, pb)));
        }
        return code;
    }

    static String waitForLine(Path log, Pattern pattern, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + pattern + " in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    static Process startServe() throws Exception {
        ProcessBuilder pb = java(COLLECTOR, "serve", "--data-dir", data.toString(), "--host", "127.0.0.1", "--port",
                port == 0 ? "0" : Integer.toString(port), "--generate-self-signed");
        Process p = pb.start();
        port = Integer.parseInt(waitForLine(logOf(p, pb), Pattern.compile("listening on https://127\\.0\\.0\\.1:(\\d+)"),
                Duration.ofSeconds(90)));
        return p;
    }

    static Jdbi db() throws IOException {
        String pgPort = Files.readString(data.resolve("postgres.port")).strip();
        return Jdbi.create("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "");
    }

    static long reports(String agentId) throws IOException {
        return db().withHandle(h -> h.createQuery("SELECT count(*) FROM reports WHERE agent_id = :a").bind("a", agentId)
                .mapTo(Long.class).one());
    }

    /** Mints a one-use token into a 0600 file with the admin CLI; remembers its secret. */
    static Path mint(String name) throws Exception {
        Path f = dir.resolve(name);
        assertThat(run(COLLECTOR, "token", "mint", "--data-dir", data.toString(), "--establishment", FINESS,
                "--url", "https://127.0.0.1:" + port, "--uses", "1", "--expires", "1h", "--out", f.toString())).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        secrets.add(fr.vigie.wire.EnrollmentToken.decode(Files.readString(f)).secret());
        return f;
    }

    static String enrollProcess(String name) throws Exception {
        Path state = dir.resolve(name);
        Path token = mint("token-" + name);
        assertThat(run(AGENT, "enroll", "--token-file", token.toString(), "--state-dir", state.toString())).isZero();
        assertThat(Files.exists(token)).isFalse();
        String pem = Files.readString(state.resolve("agent.key"));
        secrets.add(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").strip());
        return AgentIdentity.load(state).agentId();
    }

    @BeforeAll
    static void startCollector() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        data = dir.resolve("collector-data");
        psWatcher = new Thread(() -> {
            while (watching.get()) {
                try {
                    Process ps = new ProcessBuilder("ps", "-eo", "args").redirectErrorStream(true).start();
                    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    synchronized (psSeen) {
                        psSeen.append(out);
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        }, "ps-watcher");
        psWatcher.setDaemon(true);
        psWatcher.start();
        serve = startServe();
        assertThat(run(COLLECTOR, "establishment", "create", "--data-dir", data.toString(), "--finess", FINESS,
                "--name", "CH de Test", "--region", "Bretagne", "--category", "CH")).isZero();
    }

    @AfterAll
    static void stopCollector() throws Exception {
        watching.set(false);
        if (serve != null && serve.isAlive()) {
            serve.destroy(); // SIGTERM: stops the server and its embedded PostgreSQL
            serve.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void enrolledAgentRunsAsAServiceDeliversAndChecksInThenStopsOnSigterm() throws Exception {
        String agentId = enrollProcess("svc");
        Path agentLog = dir.resolve("agent-service.log");
        ProcessBuilder pb = java(AGENT, "run", "--state-dir", dir.resolve("svc").toString(), "--audit-now",
                "--splay", "0s", "--flush-interval", "1s", "--checkin-interval", "1s", "--log-file", agentLog.toString());
        Process agent = pb.start();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reports(agentId) == 0 && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(reports(agentId)).isEqualTo(1);
        Instant checkin = null;
        while (checkin == null && System.nanoTime() < end) {
            checkin = db().withHandle(h -> h.createQuery("SELECT last_checkin FROM agents WHERE id = :a").bind("a", agentId)
                    .mapTo(Instant.class).findOne().orElse(null));
            Thread.sleep(200);
        }
        assertThat(checkin).isNotNull();
        agent.destroy(); // SIGTERM
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(agentLog)).contains("service started").contains("service stopped");
        assertThat(Files.readString(logOf(agent, pb))).contains("running");
    }

    @Test
    @Order(2)
    void anAgentKilledBetweenSpoolAndSendDeliversOnceAfterRestart() throws Exception {
        String agentId = enrollProcess("k9");
        Path state = dir.resolve("k9");
        ProcessBuilder pb = java(AGENT, "spool-hold", state.toString());
        Process p = pb.start();
        waitForLine(logOf(p, pb), Pattern.compile("SPOOLED ([0-9a-f-]+)"), Duration.ofSeconds(60));
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
        try (Stream<Path> s = Files.list(state.resolve("spool"))) {
            assertThat(s.filter(f -> f.getFileName().toString().matches("[0-9]{19}-.*\\.json")).count()).isEqualTo(1);
        }
        assertThat(reports(agentId)).isZero();
        assertThat(run(AGENT, "flush", state.toString())).isZero();
        assertThat(reports(agentId)).isEqualTo(1);
        assertThat(run(AGENT, "flush", state.toString())).isZero();
        assertThat(reports(agentId)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void everyReportAcknowledgedBeforeTheCollectorIsKilledIsInTheDatabase() throws Exception {
        Path token = mint("token-burst");
        AgentIdentity id = new Enrollment(Clock.systemUTC(), "burst-host").enroll(dir.resolve("burst"),
                Files.readString(token), false);
        CollectorClient client = new CollectorClient(id.collectorUrl(), id.pin(), Duration.ofSeconds(10));
        Set<UUID> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean down = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                while (!down.get()) {
                    MessageHeader h = MessageHeader.create(MessageKind.REPORT, id.agentId(), Instant.now(), 0);
                    byte[] env = SignedEnvelope.sign(h, DeliveryIntegrationTest.REPORT, id.privateKey(), id.agentId()).toJson();
                    try {
                        if (client.post(Api.REPORTS, env).status() == 201) {
                            acked.add(h.messageId());
                        }
                    } catch (Exception e) {
                        return; // the collector died under us: this one was not acknowledged
                    }
                }
            });
            th.start();
            senders.add(th);
        }
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (acked.size() < 30 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        serve.destroyForcibly(); // SIGKILL mid-burst
        serve.waitFor(30, TimeUnit.SECONDS);
        down.set(true);
        for (Thread th : senders) {
            th.join(30_000);
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(30);
        // the embedded PostgreSQL outlives a SIGKILLed collector: read it directly
        Set<UUID> stored = Set.copyOf(db().withHandle(h -> h.createQuery("SELECT report_id FROM reports WHERE agent_id = :a")
                .bind("a", id.agentId()).mapTo(UUID.class).list()));
        assertThat(stored).containsAll(acked);
        // a new serve takes over the orphaned database and serves again
        serve = startServe();
        assertThat(client.get(Api.BASE + "/health").status()).isEqualTo(200);
        assertThat(reports(id.agentId())).isEqualTo(stored.size());
    }

    @Test
    @Order(4)
    void neitherTheTokenNorThePrivateKeyAppearsInPsOrInAnyLog() throws Exception {
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
        watching.set(false);
        psWatcher.join(5000);
        String ps;
        synchronized (psSeen) {
            ps = psSeen.toString();
        }
        assertThat(ps).contains(AGENT).contains(COLLECTOR); // the watcher did see our processes
        StringBuilder allLogs = new StringBuilder();
        try (Stream<Path> s = Files.list(dir.resolve("logs"))) {
            for (Path p : s.toList()) {
                allLogs.append(Files.readString(p));
            }
        }
        allLogs.append(Files.readString(dir.resolve("agent-service.log")));
        for (String secret : secrets) {
            assertThat(ps).doesNotContain(secret);
            assertThat(allLogs.toString()).doesNotContain(secret);
            assertThat(allLogs.toString()).doesNotContain(secret.substring(0, Math.min(24, secret.length())));
        }
    }
}
