package fr.vigie.checks.backup.host;

import static fr.vigie.checks.testing.HostCheckHarness.evaluate;
import static fr.vigie.checks.testing.HostCheckHarness.objects;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.AceType;
import fr.vigie.snapshot.host.WindowsShare;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupShareOpenWriteTest {
    private final BackupShareOpenWrite check = new BackupShareOpenWrite();
    private static final String ADMINS = Sids.ADMINISTRATORS;
    private static final String DOMAIN_USERS = Sids.of(SnapshotFixture.DOMAIN_SID, Sids.RID_DOMAIN_USERS);

    private static AccessEntry allow(String sid, long mask) {
        return AccessEntry.of(sid, "", AceType.ALLOW, mask, 0);
    }

    @Test
    void flagsAGuestWritableSambaBackupShare() {
        var h = HostSnapshotFixture.linuxHost().samba("backup", "/srv/backup", true, true, List.of(), List.of());
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/srv/backup");
        assertThat(found.get(0).attributes().get("who can write"))
                .contains("guests (guest ok = yes, read only = no)")
                .contains("any authenticated user (no valid users)");
    }

    @Test
    void flagsAWritableShareWhoseValidUsersOrWriteListIsAWideGroup() {
        var h = HostSnapshotFixture.linuxHost()
                .samba("veeam", "/srv/repo1", false, true, List.of("@\"CH-TEST\\Domain Users\""), List.of())
                .samba("bkp2", "/srv/repo2", false, false, List.of(), List.of("+users"))
                .samba("bkp3", "/srv/repo3", false, true, List.of("@utilisateurs du domaine"), List.of());
        var found = evaluate(check, h.build());
        assertThat(objects(found)).containsExactly("/srv/repo1", "/srv/repo2", "/srv/repo3");
        assertThat(found.get(0).attributes().get("who can write")).isEqualTo("valid users @\"CH-TEST\\Domain Users\"");
        assertThat(found.get(1).attributes().get("who can write")).isEqualTo("write list +users");
    }

    @Test
    void passesForARestrictedBackupShareAndForAnOpenShareWithoutBackups() {
        var h = HostSnapshotFixture.linuxHost()
                .samba("backup", "/srv/backup", false, false, List.of("svc-backup"), List.of("svc-backup"))
                .samba("backup-ro", "/srv/backup2", true, false, List.of(), List.of())
                .samba("public", "/srv/public", true, true, List.of(), List.of());
        assertThat(evaluate(check, h.build())).isEmpty();
    }

    @Test
    void aShareOverAConfiguredLocationIsABackupShareWhateverItsName() {
        var h = HostSnapshotFixture.linuxHost()
                .samba("data", "/srv", false, true, List.of(), List.of())
                .location("/srv/jobs");
        var found = evaluate(check, h.build());
        assertThat(found.get(0).attributes().get("why a backup share")).isEqualTo("contains the backup location /srv/jobs");
    }

    @Test
    void aDisabledShareIsIgnored() {
        var h = HostSnapshotFixture.linuxHost().samba(new fr.vigie.snapshot.host.SambaShare("backup", "/srv/backup",
                true, true, List.of(), List.of(), List.of(), List.of(), java.util.Map.of("available", "No")));
        assertThat(evaluate(check, h.build())).isEmpty();
    }

    @Test
    void flagsAWindowsShareWhoseShareAclGivesEveryoneFullControlAndNtfsGivesDomainUsersChange() {
        var h = HostSnapshotFixture.windowsHost().windowsShare("VeeamRepo", "D:\\VeeamRepo",
                List.of(allow(Sids.EVERYONE, AccessRights.FULL_CONTROL)),
                List.of(allow(ADMINS, AccessRights.FULL_CONTROL), allow(DOMAIN_USERS, AccessRights.CHANGE)));
        var found = evaluate(check, h.build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).attributes())
                .containsEntry("share ACL grants write to", "Everyone (S-1-1-0): FullControl")
                .containsEntry("NTFS ACL grants write to", "Domain Users (" + DOMAIN_USERS + "): Change")
                .containsEntry("layer", "share and NTFS: effective write access");
    }

    @Test
    void readOnlyRightsADenyEntryAndAdministrativeSharesDoNotCount() {
        var h = HostSnapshotFixture.windowsHost()
                .windowsShare("Backup", "E:\\Backup", List.of(allow(Sids.AUTHENTICATED_USERS, AccessRights.READ)),
                        List.of(allow("S-1-5-32-545", AccessRights.CHANGE),
                                AccessEntry.of("S-1-5-32-545", "", AceType.DENY, AccessRights.CHANGE, 0)))
                .windowsShare(new WindowsShare("E$", "E:\\", 0x80000000L,
                        List.of(allow(Sids.EVERYONE, AccessRights.FULL_CONTROL)), List.of(), List.of()));
        assertThat(evaluate(check, h.build())).isEmpty();
    }

    @Test
    void anNtfsOnlyExposureSaysTheShareAclStillRestricts() {
        var h = HostSnapshotFixture.windowsHost().windowsShare("Sauvegardes", "E:\\Sauvegardes",
                List.of(allow(ADMINS, AccessRights.FULL_CONTROL)),
                List.of(allow("S-1-5-32-545", AccessRights.FILE_WRITE_DATA | AccessRights.FILE_APPEND_DATA)));
        var found = evaluate(check, h.build());
        assertThat(found.get(0).attributes()).containsEntry("layer", "NTFS ACL only (share ACL still restricts)")
                .containsEntry("NTFS ACL grants write to", "Users (S-1-5-32-545): WriteData,AppendData");
    }

    @Test
    void wideGroupNamesIgnorePrefixesQuotesAndDomain() {
        List<String> wide = List.of("users", "domain users");
        assertThat(BackupShareOpenWrite.isWide("@users", wide)).isTrue();
        assertThat(BackupShareOpenWrite.isWide("+\"CORP\\Domain Users\"", wide)).isTrue();
        assertThat(BackupShareOpenWrite.isWide("&CORP/domain users", wide)).isTrue();
        assertThat(BackupShareOpenWrite.isWide("@backup-admins", wide)).isFalse();
        assertThat(BackupShareOpenWrite.isWide("svc-backup", wide)).isFalse();
    }
}
