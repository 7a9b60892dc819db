package fr.vigie.checks.backup.host;

import static fr.vigie.checks.testing.HostCheckHarness.evaluate;
import static fr.vigie.checks.testing.HostCheckHarness.objects;
import static fr.vigie.checks.testing.HostSnapshotFixture.file;
import static fr.vigie.checks.testing.HostSnapshotFixture.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.snapshot.host.MountedFileSystem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupRepoMountedReadWriteTest {
    private final BackupRepoMountedReadWrite check = new BackupRepoMountedReadWrite();

    @Test
    void flagsAnNfsBackupRepositoryMountedReadWriteWithItsOptions() {
        var h = HostSnapshotFixture.linuxHost().mount("/mnt/backup", "nfs4", "nas01:/volume1/backup", false);
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/mnt/backup");
        assertThat(found.get(0).name()).isEqualTo("nas01:/volume1/backup");
        assertThat(found.get(0).attributes()).containsEntry("type", "nfs4").containsEntry("mode", "read-write")
                .containsEntry("options", "rw,relatime");
        assertThat(found.get(0).attributes().get("why a backup repository")).contains("backup");
    }

    @Test
    void recognisesTheRepositoryByTheSourceNameOrAConfiguredLocation() {
        var h = HostSnapshotFixture.linuxHost()
                .mount("/mnt/x", "cifs", "//nas01/Sauvegardes", false)
                .mount("/data/remote", "nfs", "filer:/vol7", false)
                .location("/data/remote/jobs", file("/data/remote/jobs/a.vbk", "0600", hoursAgo(1)));
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/mnt/x", "/data/remote");
        assertThat(found.get(1).attributes().get("why a backup repository"))
                .isEqualTo("contains the backup location /data/remote/jobs");
    }

    @Test
    void flagsAnIscsiDiskHoldingBackupsThroughItsTransport() {
        var h = HostSnapshotFixture.linuxHost().mount(new MountedFileSystem("/srv/veeam", "xfs", "/dev/sdb1", false,
                List.of("rw"), Optional.of("iscsi"), "/proc/self/mountinfo"));
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/srv/veeam");
        assertThat(found.get(0).attributes()).containsEntry("network", "iscsi");
    }

    @Test
    void passesForAReadOnlyMountALocalDiskOrANetworkMountWithoutBackups() {
        var h = HostSnapshotFixture.linuxHost()
                .mount("/mnt/backup", "nfs4", "nas01:/backup", true)
                .mount("/srv/backup", "ext4", "/dev/sdb1", false)
                .mount("/mnt/share", "cifs", "//fs01/commun", false);
        assertThat(evaluate(check, h.build())).isEmpty();
    }

    @Test
    void theListOfNetworkTypesIsASiteThreshold() {
        var h = HostSnapshotFixture.linuxHost().mount("/mnt/backup", "fuse.rclone", "s3:backup", false);
        assertThat(evaluate(check, h.build())).isEmpty();
        assertThat(evaluate(check, h.build(), java.util.Map.of("networkFsTypes", List.of("fuse.rclone"))))
                .hasSize(1);
    }
}
