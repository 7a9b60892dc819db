package fr.vigie.checks.backup.host;

import static fr.vigie.checks.testing.HostCheckHarness.evaluate;
import static fr.vigie.checks.testing.HostCheckHarness.objects;
import static fr.vigie.checks.testing.HostSnapshotFixture.file;
import static fr.vigie.checks.testing.HostSnapshotFixture.hoursAgo;
import static fr.vigie.checks.testing.HostSnapshotFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.AceType;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupItemKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupFilesWorldReadableTest {
    private final BackupFilesWorldReadable check = new BackupFilesWorldReadable();

    @Test
    void flagsWorldReadableBackupFilesAndRepositoryKeys() {
        var h = HostSnapshotFixture.linuxHost().location("/srv/backup",
                item("/srv/backup", BackupItemKind.DIRECTORY, "0755", hoursAgo(1), Optional.empty()),
                file("/srv/backup/a.vbk", "0644", hoursAgo(1)),
                file("/srv/backup/b.vbk", "0640", hoursAgo(1)),
                item("/srv/backup/restic/keys/0a1b", BackupItemKind.REPOSITORY_FILE, "0444", hoursAgo(1),
                        Optional.empty()));
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/srv/backup/a.vbk", "/srv/backup/restic/keys/0a1b");
        assertThat(found.get(0).attributes()).containsEntry("problem", "readable by others")
                .containsEntry("permissions", "0644");
    }

    @Test
    void flagsAWindowsBackupReadableByEveryone() {
        BackupItem i = new BackupItem("D:\\Backups\\job.vbk", BackupItemKind.FILE, "veeam-full",
                Optional.of(hoursAgo(2)), 10, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(AccessEntry.of(Sids.EVERYONE, "", AceType.ALLOW, AccessRights.READ, 0)));
        var found = evaluate(check, HostSnapshotFixture.windowsHost().location("D:\\Backups", i).build());
        assertThat(found.get(0).attributes()).containsEntry("problem", "Everyone (S-1-1-0): Read");
    }

    @Test
    void passesForPrivateFilesAndIgnoresListableFolders() {
        var h = HostSnapshotFixture.linuxHost().location("/srv/backup",
                item("/srv/backup", BackupItemKind.DIRECTORY, "0755", hoursAgo(1), Optional.empty()),
                file("/srv/backup/a.vbk", "0600", hoursAgo(1)),
                file("/srv/backup/b.vbk", "0660", hoursAgo(1)));
        assertThat(evaluate(check, h.build())).isEmpty();
    }
}
