package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.AceType;
import fr.vigie.snapshot.host.DomainMembership;
import fr.vigie.snapshot.host.HostService;
import fr.vigie.snapshot.host.MembershipEvidence;
import fr.vigie.snapshot.host.MembershipSource;
import fr.vigie.snapshot.host.MountedFileSystem;
import fr.vigie.snapshot.host.WindowsShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the raw results of {@link WindowsHostSource} into snapshot records. All the decisions that do not need
 * Windows are here and unit-tested: a share without security descriptor or with a NULL DACL grants Everyone full
 * control (what Windows does), an empty DACL grants nothing, an undecodable descriptor is a note, never an empty
 * ACL that would look clean. Stateless.
 */
final class WindowsRecords {
    static final String EVERYONE = "S-1-1-0";
    static final int JOINED_TO_DOMAIN = 3;

    private WindowsRecords() {}

    static WindowsShare share(WindowsHostSource.RawShare raw, Function<String, String> names) {
        List<String> notes = new ArrayList<>(raw.errors());
        List<AccessEntry> shareAcl = acl(raw.shareSecurityDescriptor(), "share", names, notes, true);
        List<AccessEntry> ntfsAcl = acl(raw.folderSecurityDescriptor(), "NTFS", names, notes, false);
        return new WindowsShare(raw.name(), raw.path(), raw.type(), shareAcl, ntfsAcl, notes);
    }

    private static List<AccessEntry> acl(Optional<byte[]> sd, String layer, Function<String, String> names,
                                         List<String> notes, boolean absentMeansEveryone) {
        if (sd.isEmpty()) {
            if (absentMeansEveryone) {
                notes.add("share has no security descriptor: Windows grants Everyone full control");
                return List.of(everyoneFull());
            }
            notes.add(layer + " ACL not read");
            return List.of();
        }
        try {
            SecurityDescriptors.Decoded d = SecurityDescriptors.decode(sd.get(), names);
            if (d.nullDacl() || !d.daclPresent()) {
                notes.add(layer + " ACL is a NULL DACL: Everyone has full control");
                return List.of(everyoneFull());
            }
            if (d.dacl().isEmpty()) {
                notes.add(layer + " ACL is empty: nobody has access");
            }
            return d.dacl();
        } catch (IllegalArgumentException e) {
            notes.add(layer + " ACL could not be decoded: " + e.getMessage());
            return List.of();
        }
    }

    private static AccessEntry everyoneFull() {
        return AccessEntry.of(EVERYONE, "Everyone", AceType.ALLOW, AccessRights.FULL_CONTROL, 0);
    }

    static HostService service(WindowsHostSource.RawService raw) {
        return new HostService(raw.name(), raw.displayName(), raw.running() ? "RUNNING" : "STOPPED",
                raw.startName() == null || raw.startName().isBlank() ? Optional.empty() : Optional.of(raw.startName()),
                raw.running() && raw.pid() > 0 ? Optional.of(raw.pid()) : Optional.empty());
    }

    static MountedFileSystem mappedDrive(WindowsHostSource.RawMappedDrive raw) {
        return new MountedFileSystem(raw.letter().toUpperCase(java.util.Locale.ROOT) + ":", "smb", raw.remotePath(),
                false, List.of("user " + raw.userSid()), Optional.empty(), "mapped drive (HKEY_USERS\\"
                + raw.userSid() + "\\Network)");
    }

    static DomainMembership membership(WindowsHostSource.RawJoin raw) {
        if (raw.status() != JOINED_TO_DOMAIN) {
            return DomainMembership.notJoined();
        }
        String name = raw.dnsDomain() == null || raw.dnsDomain().isBlank() ? raw.netbiosName() : raw.dnsDomain();
        return new DomainMembership(true, Optional.ofNullable(name),
                List.of(new MembershipEvidence(MembershipSource.WIN32_COMPUTER_SYSTEM,
                        "NetGetJoinInformation: NetSetupDomainName " + raw.netbiosName()
                                + (raw.dnsDomain() == null ? "" : ", DNS domain " + raw.dnsDomain()))));
    }
}
