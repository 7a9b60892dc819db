package fr.vigie.agent.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.MessageHeader;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.SignedEnvelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    private static final KeyPair KEYS = AgentKeys.generate();
    private static final String ID = AgentKeys.agentId(KEYS.getPublic());
    // a fixed clock: ordering must not depend on time moving forward
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static SignedEnvelope envelope(int size, UUID id) {
        MessageHeader h = new MessageHeader(MessageKind.REPORT, ID, id, FIXED.instant(), 0);
        return SignedEnvelope.sign(h, "x".repeat(size).getBytes(StandardCharsets.UTF_8), KEYS.getPrivate(), ID);
    }

    @Test
    void entriesAreListedInCreationOrderAndSurviveReopening() throws Exception {
        Spool s = Spool.open(dir.resolve("spool"), Spool.Limits.DEFAULT, FIXED);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            s.put(envelope(10, id), id);
        }
        Spool reopened = Spool.open(dir.resolve("spool"), Spool.Limits.DEFAULT, FIXED);
        assertThat(reopened.list()).extracting(e -> e.name().substring(20, 56)).containsExactlyElementsOf(
                ids.stream().map(UUID::toString).toList());
        UUID later = UUID.randomUUID();
        reopened.put(envelope(10, later), later);
        assertThat(reopened.list().get(5).name()).contains(later.toString());
        assertThat(SignedEnvelope.parse(reopened.read(reopened.list().get(0))).payloadLength()).isEqualTo(10);
    }

    @Test
    void filesAreOwnerOnlyAndIncompleteWritesAreCleanedUp() throws Exception {
        Path sd = dir.resolve("spool");
        Spool s = Spool.open(sd, Spool.Limits.DEFAULT, FIXED);
        UUID id = UUID.randomUUID();
        Spool.Entry e = s.put(envelope(10, id), id);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(e.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sd))).isEqualTo("rwx------");
        Files.write(sd.resolve(PrivateFiles.TMP_PREFIX + "crashed"), new byte[] {1, 2});
        Spool again = Spool.open(sd, Spool.Limits.DEFAULT, FIXED);
        assertThat(Files.exists(sd.resolve(PrivateFiles.TMP_PREFIX + "crashed"))).isFalse();
        assertThat(again.list()).hasSize(1);
    }

    @Test
    void overTheCountLimitTheOldestAreDroppedAndCountedUntilReported() throws Exception {
        Spool s = Spool.open(dir.resolve("spool"), new Spool.Limits(3, Long.MAX_VALUE), FIXED);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            s.put(envelope(10, id), id);
        }
        assertThat(s.list()).extracting(e -> e.name().substring(20, 56))
                .containsExactly(ids.get(2).toString(), ids.get(3).toString(), ids.get(4).toString());
        assertThat(s.pendingDrops()).isEqualTo(2);
        Spool reopened = Spool.open(dir.resolve("spool"), new Spool.Limits(3, Long.MAX_VALUE), FIXED);
        assertThat(reopened.stats()).isEqualTo(new Spool.Stats(3, reopened.list().stream().mapToLong(Spool.Entry::size).sum(), 2, 2));
        reopened.dropsReported(2);
        assertThat(reopened.stats().pendingDrops()).isZero();
        assertThat(reopened.stats().droppedTotal()).isEqualTo(2);
    }

    @Test
    void overTheByteLimitTheOldestAreDroppedButNeverTheNewOne() throws Exception {
        Spool s = Spool.open(dir.resolve("spool"), new Spool.Limits(100, 1500), FIXED);
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            s.put(envelope(300, id), id);
        }
        long before = s.stats().bytes();
        assertThat(before).isLessThanOrEqualTo(1500);
        UUID big = UUID.randomUUID();
        s.put(envelope(2000, big), big);
        assertThat(s.list()).hasSize(1);
        assertThat(s.list().get(0).name()).contains(big.toString());
        assertThat(s.pendingDrops()).isEqualTo(3);
    }

    @Test
    void rejectedEntriesAreMovedAsideNotDeleted() throws Exception {
        Spool s = Spool.open(dir.resolve("spool"), Spool.Limits.DEFAULT, FIXED);
        UUID id = UUID.randomUUID();
        Spool.Entry e = s.put(envelope(10, id), id);
        s.reject(e, "report_too_old");
        assertThat(s.list()).isEmpty();
        assertThat(Files.list(dir.resolve("rejected")).map(p -> p.getFileName().toString()))
                .singleElement().asString().contains(id.toString()).endsWith(".report_too_old.json");
    }
}
