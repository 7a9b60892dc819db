package fr.vigie.agent.collect.host;

import static fr.vigie.agent.collect.host.SecurityDescriptorsTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Audit;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.StepStatus;
import fr.vigie.snapshot.host.HostCollectionStep;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.OsFamily;
import fr.vigie.snapshot.host.OsInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions on recorded Windows structures: share + security descriptors decoded to ACEs, services, drives. */
class WindowsRecordsTest {
    private static WindowsHostSource.RawShare share(String name, String path, String shareSd, String ntfsSd) {
        return new WindowsHostSource.RawShare(name, path, 0, Optional.ofNullable(shareSd).map(SecurityDescriptorsTest::hex),
                Optional.ofNullable(ntfsSd).map(SecurityDescriptorsTest::hex), List.of());
    }

    @Test
    void aRecordedBackupShareOpenToEveryoneAndDomainUsersIsFlaggedByTheShareRule() {
        var open = WindowsRecords.share(share("VeeamRepo", "D:\\VeeamRepo", SecurityDescriptorsTest.EVERYONE_FULL,
                SecurityDescriptorsTest.NTFS_DOMAIN_USERS_CHANGE), sid -> "");
        var closed = WindowsRecords.share(share("Backup", "E:\\Backup", SecurityDescriptorsTest.RESTRICTED,
                SecurityDescriptorsTest.RESTRICTED), sid -> "");
        List<HostCollectionStep> steps = new ArrayList<>();
        for (HostDataSource s : HostDataSource.values()) {
            steps.add(HostCollectionStep.complete(s, 1, List.of()));
        }
        HostSnapshot host = new HostSnapshot(HostSnapshot.SCHEMA_VERSION, Instant.parse("2026-06-01T00:00:00Z"),
                "VEEAM01", new OsInfo(OsFamily.WINDOWS, "Windows", "2022"), null, List.of(), List.of(), List.of(),
                List.of(open, closed), List.of(), List.of(), List.of(), List.of(), List.of(), steps);
        var audit = new Audit(CatalogueLoader.builtIn());
        RuleResult r = audit.run(WindowsRecordsTestSupport.emptyDomain(), Optional.of(host)).results().stream()
                .filter(x -> x.rule().id().equals("backup-share-open-write")).findFirst().orElseThrow();
        assertThat(r.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(r.evidence()).hasSize(1);
        assertThat(r.evidence().get(0).name()).isEqualTo("VeeamRepo");
        assertThat(r.evidence().get(0).attributes())
                .containsEntry("share ACL grants write to", "Everyone (S-1-1-0): FullControl")
                .containsEntry("NTFS ACL grants write to", "Domain Users (S-1-5-21-1000-2000-3000-513): Change");
    }

    @Test
    void aShareWithoutDescriptorOrWithANullDaclGrantsEveryoneFullControlWithANote() {
        var none = WindowsRecords.share(share("Backup", "D:\\Backup", null, SecurityDescriptorsTest.RESTRICTED),
                sid -> "");
        assertThat(none.shareAcl()).extracting(e -> e.trusteeSid()).containsExactly("S-1-1-0");
        assertThat(none.notes()).containsExactly(
                "share has no security descriptor: Windows grants Everyone full control");
        byte[] nullDacl = hex(SecurityDescriptorsTest.RESTRICTED);
        nullDacl[2] = 0; // clear SE_DACL_PRESENT in the control word (keeps SE_SELF_RELATIVE in byte 3)
        var nulled = WindowsRecords.share(new WindowsHostSource.RawShare("B", "D:\\B", 0, Optional.of(nullDacl),
                Optional.empty(), List.of("NTFS ACL unreadable: error 5")), sid -> "");
        assertThat(nulled.shareAcl()).extracting(e -> e.trusteeSid()).containsExactly("S-1-1-0");
        assertThat(nulled.notes()).contains("NTFS ACL unreadable: error 5",
                "share ACL is a NULL DACL: Everyone has full control", "NTFS ACL not read");
    }

    @Test
    void anUndecodableDescriptorIsANoteNotACleanAcl() {
        var bad = WindowsRecords.share(new WindowsHostSource.RawShare("B", "D:\\B", 0,
                Optional.of(new byte[] {1, 0}), Optional.empty(), List.of()), sid -> "");
        assertThat(bad.shareAcl()).isEmpty();
        assertThat(bad.notes().get(0)).startsWith("share ACL could not be decoded");
    }

    @Test
    void servicesMappedDrivesAndJoinInformation() {
        var svc = WindowsRecords.service(new WindowsHostSource.RawService("VeeamBackupSvc", "Veeam Backup Service",
                true, 4242, "CH-TEST\\svc-veeam"));
        assertThat(svc.account()).hasValue("CH-TEST\\svc-veeam");
        assertThat(svc.pid()).hasValue(4242);
        assertThat(svc.state()).isEqualTo("RUNNING");
        var stopped = WindowsRecords.service(new WindowsHostSource.RawService("X", "X", false, 0, ""));
        assertThat(stopped.account()).isEmpty();
        var drive = WindowsRecords.mappedDrive(new WindowsHostSource.RawMappedDrive("S-1-5-21-1-2-3-1001", "z",
                "\\\\nas01\\backup"));
        assertThat(drive.mountPoint()).isEqualTo("Z:");
        assertThat(drive.type()).isEqualTo("smb");
        assertThat(drive.readOnly()).isFalse();
        var joined = WindowsRecords.membership(new WindowsHostSource.RawJoin(3, "CH-TEST", "ch-test.local"));
        assertThat(joined.joined()).isTrue();
        assertThat(joined.domainName()).hasValue("ch-test.local");
        assertThat(WindowsRecords.membership(new WindowsHostSource.RawJoin(2, "WORKGROUP", "")).joined()).isFalse();
    }
}
