package fr.vigie.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.snapshot.host.BackupItemKind;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.HostSnapshotJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The demo's sample backup host as data: complete, deterministic, dated from "now", and marked as a sample. */
class DemoBackupHostTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void everyCollectionStepIsRecordedAsComplete() {
        HostSnapshot h = DemoBackupHost.snapshot(NOW);
        assertThat(h.isComplete()).isTrue();
        assertThat(h.steps()).extracting(s -> s.source()).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(HostDataSource.class));
        assertThat(h.collectedAt()).isEqualTo(NOW);
    }

    @Test
    void itSaysItIsTheDemosSampleHost() {
        HostSnapshot h = DemoBackupHost.snapshot(NOW);
        assertThat(h.hostName()).startsWith("srv-veeam").contains("sample host of the demo");
        assertThat(h.step(HostDataSource.OS).orElseThrow().notes()).containsExactly(DemoBackupHost.SAMPLE_NOTE);
    }

    @Test
    void theSameNowGivesTheSameSnapshotAndDatesFollowNow() {
        assertThat(DemoBackupHost.snapshot(NOW)).isEqualTo(DemoBackupHost.snapshot(NOW));
        Instant later = NOW.plus(Duration.ofDays(30));
        BackupLocation now = DemoBackupHost.snapshot(NOW).backupLocations().get(0);
        BackupLocation then = DemoBackupHost.snapshot(later).backupLocations().get(0);
        assertThat(Duration.between(now.newestModified().orElseThrow(), NOW))
                .isEqualTo(Duration.between(then.newestModified().orElseThrow(), later))
                .isBetween(Duration.ofDays(5), Duration.ofDays(6));
    }

    @Test
    void theLocationsCountTheirBackupsAsTheScannerDoes() {
        for (BackupLocation l : DemoBackupHost.snapshot(NOW).backupLocations()) {
            assertThat(l.configured()).isTrue();
            assertThat(l.items().get(0).path()).isEqualTo(l.path());
            assertThat(l.items().get(0).kind()).isEqualTo(BackupItemKind.DIRECTORY);
            assertThat(l.backupCount()).isEqualTo(l.items().stream().filter(i -> i.kind().isBackup()).count());
            assertThat(l.items()).allSatisfy(i -> assertThat(i.path()).startsWith(l.path()));
        }
    }

    @Test
    void itSurvivesTheHostSnapshotJsonUnchanged() throws Exception {
        HostSnapshot h = DemoBackupHost.snapshot(NOW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostSnapshotJson.write(h, out);
        assertThat(HostSnapshotJson.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(h);
    }
}
