package fr.vigie.snapshot.host;

import java.util.List;
import java.util.Objects;

/**
 * One share of a Windows host with its two permission layers. Immutable.
 *
 * @param name     {@code shi502_netname}
 * @param path     {@code shi502_path} (local path of the shared folder)
 * @param type     {@code shi502_type}: 0 disk, 1 print queue, 3 IPC; bit 0x80000000 = special (C$, ADMIN$)
 * @param shareAcl DACL of the share's security descriptor ({@code shi502_security_descriptor}); a share without
 *                 a security descriptor or with a NULL DACL grants Everyone full control and is recorded as such
 *                 (with a note)
 * @param ntfsAcl  DACL of the shared folder ({@code GetNamedSecurityInfo(path, SE_FILE_OBJECT)})
 * @param notes    what could not be read (e.g. "NTFS ACL unreadable: access denied (5)")
 */
public record WindowsShare(String name, String path, long type, List<AccessEntry> shareAcl, List<AccessEntry> ntfsAcl,
                           List<String> notes) {
    public static final long STYPE_SPECIAL = 0x80000000L;

    public WindowsShare {
        Objects.requireNonNull(name, "name");
        path = Lists.text(path);
        shareAcl = Lists.copy(shareAcl);
        ntfsAcl = Lists.copy(ntfsAcl);
        notes = Lists.copy(notes);
    }

    /** A disk share that is not an administrative one (C$, ADMIN$). */
    public boolean isOrdinaryDiskShare() {
        return (type & 0xFF) == 0 && (type & STYPE_SPECIAL) == 0;
    }
}
