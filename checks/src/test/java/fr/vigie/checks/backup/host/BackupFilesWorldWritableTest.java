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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupFilesWorldWritableTest {
    private final BackupFilesWorldWritable check = new BackupFilesWorldWritable();

    @Test
    void flagsWorldWritableFilesAndFoldersWithTheirPermissionsAndOwner() {
        var h = HostSnapshotFixture.linuxHost().location("/srv/backup",
                item("/srv/backup", BackupItemKind.DIRECTORY, "0777", hoursAgo(1), Optional.empty()),
                file("/srv/backup/a.vbk", "0666", hoursAgo(1)),
                file("/srv/backup/b.vbk", "0640", hoursAgo(1)),
                item("/srv/backup/tmp", BackupItemKind.DIRECTORY, "1777", hoursAgo(1), Optional.empty()));
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/srv/backup", "/srv/backup/a.vbk", "/srv/backup/tmp");
        assertThat(found.get(1).attributes()).containsEntry("permissions", "0666").containsEntry("owner", "root:root")
                .containsEntry("problem", "writable by others").containsEntry("location", "/srv/backup");
        assertThat(found.get(2).attributes().get("problem")).contains("sticky bit");
    }

    @Test
    void flagsAWindowsBackupFileWritableByUsers() {
        BackupItem i = new BackupItem("D:\\Backups\\job.vbk", BackupItemKind.FILE, "veeam-full",
                Optional.of(hoursAgo(2)), 10, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(AccessEntry.of("S-1-5-32-545", "BUILTIN\\Users", AceType.ALLOW, AccessRights.CHANGE, 0x10),
                        AccessEntry.of(Sids.ADMINISTRATORS, "", AceType.ALLOW, AccessRights.FULL_CONTROL, 0)));
        var found = evaluate(check, HostSnapshotFixture.windowsHost().location("D:\\Backups", i).build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).attributes()).containsEntry("problem", "BUILTIN\\Users (S-1-5-32-545): Change");
    }

    @Test
    void passesWhenOnlyTheOwnerOrGroupMayWriteOrThePermissionsAreUnknown() {
        var h = HostSnapshotFixture.linuxHost().location("/srv/backup",
                item("/srv/backup", BackupItemKind.DIRECTORY, "0775", hoursAgo(1), Optional.empty()),
                file("/srv/backup/a.vbk", "0664", hoursAgo(1)),
                file("/srv/backup/b.vbk", null, hoursAgo(1)));
        assertThat(evaluate(check, h.build())).isEmpty();
    }

    @Test
    void listsTheFirstFiftyThenCountsTheRest() {
        List<BackupItem> items = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            items.add(file("/srv/backup/f" + i + ".bak", "0666", hoursAgo(1)));
        }
        var found = evaluate(check, HostSnapshotFixture.linuxHost()
                .location("/srv/backup", items.toArray(BackupItem[]::new)).build());
        assertThat(found).hasSize(51);
        assertThat(found.get(50).object()).isEqualTo("(3 more)");
    }
}
