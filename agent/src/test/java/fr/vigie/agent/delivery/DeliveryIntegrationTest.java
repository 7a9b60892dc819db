package fr.vigie.agent.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.cli.EnrollCommand;
import fr.vigie.collector.store.AgentStatus;
import fr.vigie.collector.store.Agents;
import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.SignedEnvelope;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Agent delivery against a real collector (embedded PostgreSQL) in this JVM. */
class DeliveryIntegrationTest {
    static final byte[] REPORT = ("{\"schemaVersion\":1,\"domain\":{\"sid\":\"S-1-5-21-42\",\"dnsName\":\"chu.local\"},"
            + "\"score\":{\"maturityLevel\":3,\"globalScore\":40,\"complete\":true},\"rules\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static CollectorFixture collector;

    @BeforeAll
    static void start() throws Exception {
        collector = new CollectorFixture(dir.resolve("collector"));
    }

    @AfterAll
    static void stop() throws Exception {
        collector.close();
    }

    /** Runs {@code enroll} as the CLI would; returns exit code, stdout+stderr. */
    static Map.Entry<Integer, String> enroll(Path state, String stdin, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new EnrollCommand(new ByteArrayInputStream(
                (stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + 2];
        all[0] = "--state-dir";
        all[1] = state.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = cl.execute(all);
        return Map.entry(code, out.toString());
    }

    static Path tokenFile(Path where, String token) throws Exception {
        Files.createDirectories(where.getParent());
        Files.createFile(where, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(where, token + "\n");
        return where;
    }

    @Test
    void enrollFromAFileStoresAnOwnerOnlyIdentityAndDeletesTheToken() throws Exception {
        Path state = dir.resolve("a1");
        String token = collector.token();
        Path tf = tokenFile(dir.resolve("tokens/a1"), token);
        Map.Entry<Integer, String> r = enroll(state, null, "--token-file", tf.toString());
        assertThat(r.getKey()).as(r.getValue()).isZero();
        assertThat(Files.exists(tf)).isFalse();
        AgentIdentity id = AgentIdentity.load(state);
        assertThat(r.getValue()).contains(id.agentId()).doesNotContain(token.substring(20));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("agent.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("identity.json")))).isEqualTo("rw-------");
        var agent = new Agents(collector.jdbi()).find(id.agentId()).orElseThrow();
        assertThat(agent.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(AgentKeys.agentId(agent.publicKey())).isEqualTo(id.agentId());

        // the same token again (one use): refused, state untouched
        Path other = dir.resolve("a1-bis");
        Map.Entry<Integer, String> again = enroll(other, token);
        assertThat(again.getKey()).isEqualTo(2); // no token source: usage error
        Map.Entry<Integer, String> reused = enroll(other, token, "--token-stdin");
        assertThat(reused.getKey()).isEqualTo(EnrollCommand.REFUSED);
        assertThat(reused.getValue()).contains("token_exhausted");
        assertThat(AgentIdentity.exists(other)).isFalse();
    }

    @Test
    void aTokenFileReadableByOthersIsRefused() throws Exception {
        Path tf = dir.resolve("tokens/open");
        Files.createDirectories(tf.getParent());
        Files.writeString(tf, collector.token());
        Files.setPosixFilePermissions(tf, PosixFilePermissions.fromString("rw-r--r--"));
        Map.Entry<Integer, String> r = enroll(dir.resolve("open"), null, "--token-file", tf.toString());
        assertThat(r.getKey()).isEqualTo(EnrollCommand.REFUSED);
        assertThat(r.getValue()).contains("chmod 600");
    }

    @Test
    void reEnrollingNeedsReplaceAndTheAdminsApproval() throws Exception {
        Path state = dir.resolve("a2");
        assertThat(enroll(state, collector.token(), "--token-stdin").getKey()).isZero();
        String first = AgentIdentity.load(state).agentId();
        Map.Entry<Integer, String> refused = enroll(state, collector.token(), "--token-stdin");
        assertThat(refused.getKey()).isEqualTo(EnrollCommand.REFUSED);
        assertThat(refused.getValue()).contains("--replace");
        Map.Entry<Integer, String> replaced = enroll(state, collector.token(), "--token-stdin", "--replace");
        assertThat(replaced.getKey()).as(replaced.getValue()).isZero();
        String second = AgentIdentity.load(state).agentId();
        assertThat(second).isNotEqualTo(first);
        Agents agents = new Agents(collector.jdbi());
        assertThat(agents.find(second).orElseThrow().replaces()).contains(first);
        assertThat(agents.find(second).orElseThrow().status()).isEqualTo(AgentStatus.PENDING_REPLACEMENT);
        Delivery d = Delivery.open(state);
        assertThat(d.spoolAndSend(REPORT, Duration.ZERO).stoppedBy()).contains("agent_pending_approval");
        assertThat(d.spoolStore().list()).hasSize(1);
        agents.approveReplacement(second);
        assertThat(d.flush().stoppedBy()).contains("backing_off"); // a 403 pauses delivery, the spool is kept
        assertThat(Delivery.open(state).flush().complete()).isTrue(); // e.g. after the service restarts
        assertThat(collector.reports(second)).isEqualTo(1);
        assertThat(agents.find(first).orElseThrow().status()).isEqualTo(AgentStatus.REPLACED);
    }

    @Test
    void aReportIsSignedSpooledDeliveredOnceAndVerifiableInTheDatabase() throws Exception {
        Path state = dir.resolve("a3");
        assertThat(enroll(state, collector.token(), "--token-stdin").getKey()).isZero();
        Delivery d = Delivery.open(state);
        Uploader.FlushResult r = d.spoolAndSend(REPORT);
        assertThat(r.complete()).isTrue();
        assertThat(r.delivered()).isEqualTo(1);
        String agentId = d.identity().agentId();
        assertThat(collector.reports(agentId)).isEqualTo(1);
        Map<String, Object> row = collector.jdbi().withHandle(h -> h.createQuery(
                "SELECT payload_type, payload, signature, domain_sid FROM reports WHERE agent_id = :a")
                .bind("a", agentId).mapToMap().one());
        byte[] key = new Agents(collector.jdbi()).find(agentId).orElseThrow().publicKey();
        var verified = SignedEnvelope.of((String) row.get("payload_type"), (byte[]) row.get("payload"), agentId,
                (byte[]) row.get("signature")).verify(AgentKeys.publicKey(key));
        assertThat(verified.payload()).isEqualTo(REPORT);
        assertThat(row.get("domain_sid")).isEqualTo("S-1-5-21-42");
        assertThat(d.checkIn().status()).isEqualTo(200);
        assertThat(new Agents(collector.jdbi()).find(agentId).orElseThrow().lastCheckin()).isPresent();
    }

    @Test
    void aCrashAfterTheAckButBeforeTheDeleteResendsAndIsStoredOnce() throws Exception {
        Path state = dir.resolve("a4");
        assertThat(enroll(state, collector.token(), "--token-stdin").getKey()).isZero();
        Delivery d = Delivery.open(state);
        d.spool(REPORT);
        Spool.Entry e = d.spoolStore().list().get(0);
        Path copy = dir.resolve("a4-copy.json");
        Files.copy(e.file(), copy);
        assertThat(d.flush().delivered()).isEqualTo(1);
        Files.copy(copy, e.file(), StandardCopyOption.REPLACE_EXISTING); // as if the delete never happened
        Uploader.FlushResult again = Delivery.open(state).flush();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(collector.reports(d.identity().agentId())).isEqualTo(1);
    }

    @Test
    void reportsProducedWhileTheCollectorIsDownAreAllDeliveredOnceWhenItReturns() throws Exception {
        Path state = dir.resolve("a5");
        assertThat(enroll(state, collector.token(), "--token-stdin").getKey()).isZero();
        Delivery.Options opts = Delivery.Options.defaults().withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        Delivery d = Delivery.open(state, opts);
        String agentId = d.identity().agentId();
        collector.stop();
        try {
            for (int i = 0; i < 3; i++) {
                Uploader.FlushResult r = d.spoolAndSend(REPORT, Duration.ZERO);
                assertThat(r.stoppedBy()).contains("collector_unreachable");
                Thread.sleep(250); // let the backoff expire so each report really tries
            }
            assertThat(d.spoolStore().list()).hasSize(3);
        } finally {
            collector.start();
        }
        Thread.sleep(250);
        Uploader.FlushResult r = d.flush();
        assertThat(r.delivered()).isEqualTo(3);
        assertThat(r.duplicates()).isZero();
        assertThat(d.spoolStore().list()).isEmpty();
        assertThat(collector.reports(agentId)).isEqualTo(3);
        assertThat(d.flush().delivered()).isZero();
        assertThat(collector.reports(agentId)).isEqualTo(3);
    }

    @Test
    void aSpoolDropIsSignedIntoTheNextReport() throws Exception {
        Path state = dir.resolve("a6");
        assertThat(enroll(state, collector.token(), "--token-stdin").getKey()).isZero();
        Delivery d = Delivery.open(state, Delivery.Options.defaults().withLimits(new Spool.Limits(2, Long.MAX_VALUE)));
        for (int i = 0; i < 3; i++) {
            d.spool(REPORT); // third one drops the first
        }
        UUID carrier = d.spool(REPORT); // reports the drops so far
        assertThat(d.flush().delivered()).isEqualTo(2);
        long dropped = collector.jdbi().withHandle(h -> h.createQuery(
                "SELECT spool_dropped FROM reports WHERE report_id = :r").bind("r", carrier).mapTo(Long.class).one());
        assertThat(dropped).isEqualTo(1);
        assertThat(d.spoolStore().stats().droppedTotal()).isEqualTo(2);
    }
}
