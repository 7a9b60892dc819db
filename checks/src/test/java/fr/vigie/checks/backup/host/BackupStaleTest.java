package fr.vigie.checks.backup.host;

import static fr.vigie.checks.testing.HostCheckHarness.evaluate;
import static fr.vigie.checks.testing.HostCheckHarness.objects;
import static fr.vigie.checks.testing.HostSnapshotFixture.file;
import static fr.vigie.checks.testing.HostSnapshotFixture.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.LocationStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupStaleTest {
    private final BackupStale check = new BackupStale();

    @Test
    void flagsALocationWhoseNewestBackupIsOlderThanTheThreshold() {
        var h = HostSnapshotFixture.linuxHost().location("/srv/backup",
                file("/srv/backup/old.vbk", "0600", hoursAgo(100)),
                file("/srv/backup/newest.vib", "0600", hoursAgo(49)));
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/srv/backup");
        assertThat(found.get(0).attributes()).containsEntry("newest backup", "/srv/backup/newest.vib")
                .containsEntry("age (hours)", "49").containsEntry("backups found", "2");
    }

    @Test
    void exactlyTheThresholdPassesOneSecondMoreFails() {
        var edge = HostSnapshotFixture.linuxHost().location("/a", file("/a/x.bak", "0600", hoursAgo(48)));
        assertThat(evaluate(check, edge.build())).isEmpty();
        var past = HostSnapshotFixture.linuxHost().location("/a",
                file("/a/x.bak", "0600", hoursAgo(48).minus(Duration.ofSeconds(1))));
        assertThat(evaluate(check, past.build())).hasSize(1);
    }

    @Test
    void flagsAScannedLocationWithoutAnyBackup() {
        var found = evaluate(check, HostSnapshotFixture.linuxHost().location("/srv/empty").build());
        assertThat(found.get(0).attributes().get("problem")).startsWith("no backup found");
    }

    @Test
    void judgesEachLocationOnItsOwn() {
        var h = HostSnapshotFixture.linuxHost()
                .location("/daily", file("/daily/x.bak", "0600", hoursAgo(200)))
                .location("/weekly", file("/weekly/y.bak", "0600", hoursAgo(1)));
        assertThat(objects(evaluate(check, h.build()))).containsExactly("/daily");
    }

    @Test
    void unreadableOrPartiallyReadLocationsWithoutBackupsProveNothing() {
        var h = HostSnapshotFixture.linuxHost()
                .location(BackupLocation.unreadable("/mnt/nfs", true, LocationStatus.TIMED_OUT, "no answer"))
                .location(BackupLocation.unreadable("/srv/locked", true, LocationStatus.UNREADABLE, "denied"))
                .location("/srv/partial", LocationStatus.PARTIAL);
        assertThat(evaluate(check, h.build())).isEmpty();
    }

    @Test
    void thresholdIsASiteSetting() {
        var h = HostSnapshotFixture.linuxHost().location("/a", file("/a/x.bak", "0600", hoursAgo(30)));
        assertThat(evaluate(check, h.build())).isEmpty();
        assertThat(evaluate(check, h.build(), Map.of("maxAgeHours", 24L))).hasSize(1);
    }
}
