package fr.vigie.snapshot.host;

import java.util.List;
import java.util.Objects;

/**
 * One access control entry of a Windows share or NTFS DACL, decoded from its security descriptor. Immutable.
 *
 * @param trusteeSid  the trustee's SID (S-1-1-0 for Everyone)
 * @param trusteeName the trustee's name as resolved on the host ("BUILTIN\Users"); empty when not resolved
 * @param type        allow, deny or other
 * @param accessMask  the access mask (see {@link AccessRights})
 * @param aceFlags    ACE flags: 0x1 object inherit, 0x2 container inherit, 0x8 inherit only, 0x10 inherited
 * @param rights      display names of the mask ({@link AccessRights#describe(long)})
 */
public record AccessEntry(String trusteeSid, String trusteeName, AceType type, long accessMask, int aceFlags,
                          List<String> rights) {
    public static final int INHERIT_ONLY = 0x8;
    public static final int INHERITED = 0x10;

    public AccessEntry {
        Objects.requireNonNull(trusteeSid, "trusteeSid");
        trusteeName = Lists.text(trusteeName);
        Objects.requireNonNull(type, "type");
        rights = Lists.copy(rights);
    }

    /** An entry whose rights are described from its mask. */
    public static AccessEntry of(String sid, String name, AceType type, long mask, int flags) {
        return new AccessEntry(sid, name, type, mask, flags, AccessRights.describe(mask));
    }

    /** The trustee for display: name and SID when the name is known. */
    public String trustee() {
        return trusteeName.isEmpty() ? trusteeSid : trusteeName + " (" + trusteeSid + ")";
    }
}
