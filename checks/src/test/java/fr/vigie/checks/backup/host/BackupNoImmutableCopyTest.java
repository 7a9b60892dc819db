package fr.vigie.checks.backup.host;

import static fr.vigie.checks.testing.HostCheckHarness.evaluate;
import static fr.vigie.checks.testing.HostSnapshotFixture.file;
import static fr.vigie.checks.testing.HostSnapshotFixture.hoursAgo;
import static fr.vigie.checks.testing.HostSnapshotFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.snapshot.host.BackupItemKind;
import fr.vigie.snapshot.host.HostDataSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupNoImmutableCopyTest {
    private final BackupNoImmutableCopy check = new BackupNoImmutableCopy();

    @Test
    void reportsWhenNoBackupIsImmutableAndSaysTheAgentCannotProveTheAbsenceOfAnOfflineCopy() {
        var h = HostSnapshotFixture.linuxHost().location("/srv/backup",
                item("/srv/backup/a.vbk", BackupItemKind.FILE, "0600", hoursAgo(1), Optional.of(false)),
                file("/srv/backup/b.vbk", "0600", hoursAgo(1)));
        var found = evaluate(check, h.build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).object()).isEqualTo("bkp01");
        assertThat(found.get(0).attributes()).containsEntry("backups scanned", "2")
                .containsEntry("immutable attribute read on", "1 of 2")
                .containsEntry("limit", BackupNoImmutableCopy.CANNOT_PROVE);
        assertThat(BackupNoImmutableCopy.CANNOT_PROVE).contains("cannot prove the absence of an offline copy");
    }

    @Test
    void passesWhenOneBackupIsImmutableOrATapeDriveIsAttached() {
        var immutable = HostSnapshotFixture.linuxHost().location("/srv/backup",
                item("/srv/backup/a.vbk", BackupItemKind.FILE, "0600", hoursAgo(1), Optional.of(false)),
                item("/srv/backup/b.vbk", BackupItemKind.FILE, "0600", hoursAgo(1), Optional.of(true)));
        assertThat(evaluate(check, immutable.build())).isEmpty();
        var tape = HostSnapshotFixture.linuxHost().offlineMedium("tape drive /dev/st0")
                .location("/srv/backup", file("/srv/backup/b.vbk", "0600", hoursAgo(1)));
        assertThat(evaluate(check, tape.build())).isEmpty();
    }

    @Test
    void anImmutableFolderIsNotAnImmutableBackup() {
        var h = HostSnapshotFixture.linuxHost().location("/srv/backup",
                item("/srv/backup", BackupItemKind.DIRECTORY, "0700", hoursAgo(1), Optional.of(true)),
                file("/srv/backup/b.vbk", "0600", hoursAgo(1)));
        assertThat(evaluate(check, h.build())).hasSize(1);
    }

    @Test
    void concludesNothingOnAnIncompleteScan() {
        var h = HostSnapshotFixture.linuxHost().failed(HostDataSource.BACKUP_LOCATIONS)
                .location("/srv/backup", file("/srv/backup/b.vbk", "0600", hoursAgo(1)));
        assertThat(evaluate(check, h.build())).isEmpty();
    }
}
