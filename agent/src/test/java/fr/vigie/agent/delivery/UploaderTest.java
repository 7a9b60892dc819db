package fr.vigie.agent.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.MessageHeader;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.SignedEnvelope;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploaderTest {
    private static final KeyPair KEYS = AgentKeys.generate();
    private static final String ID = AgentKeys.agentId(KEYS.getPublic());

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    private Spool spool;
    private Uploader uploader;

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        spool = Spool.open(dir.resolve("spool"), Spool.Limits.DEFAULT, clock);
        // the "random" source returns the ceiling: delays are deterministic upper bounds
        uploader = new Uploader(spool, (path, body) -> {
            try {
                sent.add(SignedEnvelope.parse(body).payloadType());
            } catch (fr.vigie.wire.WireException e) {
                throw new IOException(e);
            }
            Object a = answers.removeFirst();
            if (a instanceof IOException e) {
                throw e;
            }
            return (CollectorClient.Response) a;
        }, new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)), clock, n -> n);
    }

    private void spoolReports(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            spool.put(SignedEnvelope.sign(new MessageHeader(MessageKind.REPORT, ID, id, clock.now, 0), new byte[] {'{', '}'},
                    KEYS.getPrivate(), ID), id);
            clock.now = clock.now.plusMillis(1);
        }
    }

    private static CollectorClient.Response status(int code) {
        return new CollectorClient.Response(code, "{\"error\":\"e" + code + "\",\"message\":\"m\"}", Optional.empty());
    }

    @Test
    void deletesOnlyWhatIsAcknowledgedAndBacksOffExponentially() throws Exception {
        spoolReports(3);
        answers.add(status(201));
        answers.add(new ConnectException("refused"));
        Uploader.FlushResult r = uploader.flush();
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(r.remaining()).isEqualTo(2);
        assertThat(r.retryIn()).contains(Duration.ofSeconds(5));
        assertThat(uploader.flush().stoppedBy()).contains("backing_off");
        assertThat(sent).hasSize(2);

        clock.now = clock.now.plusSeconds(5);
        answers.add(status(503));
        assertThat(uploader.flush().retryIn()).contains(Duration.ofSeconds(10));
        clock.now = clock.now.plusSeconds(10);
        answers.add(new ConnectException("refused"));
        assertThat(uploader.flush().retryIn()).contains(Duration.ofSeconds(20));

        clock.now = clock.now.plusSeconds(20);
        answers.add(status(201));
        answers.add(status(200));
        Uploader.FlushResult done = uploader.flush();
        assertThat(done.complete()).isTrue();
        assertThat(done.duplicates()).isEqualTo(1);
        assertThat(spool.list()).isEmpty();
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        spoolReports(1);
        answers.add(new CollectorClient.Response(429, "{}", Optional.of(Duration.ofSeconds(120))));
        assertThat(uploader.flush().retryIn()).contains(Duration.ofSeconds(120));
        clock.now = clock.now.plusSeconds(119);
        assertThat(uploader.due()).isFalse();
        clock.now = clock.now.plusSeconds(1);
        assertThat(uploader.due()).isTrue();
        answers.add(status(201));
        assertThat(uploader.flush().complete()).isTrue();
        assertThat(CollectorClient.retryAfter("7")).contains(Duration.ofSeconds(7));
    }

    @Test
    void aPermanentRefusalMovesThatEnvelopeAsideAndTheQueueGoesOn() throws Exception {
        spoolReports(2);
        answers.add(status(422));
        answers.add(status(201));
        Uploader.FlushResult r = uploader.flush();
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(spool.list()).isEmpty();
    }

    @Test
    void aForbiddenAgentKeepsEverything() throws Exception {
        spoolReports(2);
        answers.add(status(403));
        Uploader.FlushResult r = uploader.flush();
        assertThat(r.stoppedBy()).contains("e403");
        assertThat(spool.list()).hasSize(2);
    }

    @Test
    void backoffCeilingsDoubleUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(b.delay(0, n -> n)).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.delay(3, n -> n)).isEqualTo(Duration.ofSeconds(40));
        assertThat(b.delay(4, n -> n)).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.delay(100, n -> n)).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.delay(3, n -> 0)).isEqualTo(Duration.ZERO);
    }
}
