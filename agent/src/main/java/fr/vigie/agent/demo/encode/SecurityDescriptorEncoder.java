package fr.vigie.agent.demo.encode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Self-relative security descriptors (MS-DTYP 2.4.6) with a DACL of plain ACCESS_ALLOWED ACEs (MS-DTYP 2.4.4.2),
 * the shape AD uses for {@code msDS-AllowedToActOnBehalfOfOtherIdentity} (resource-based constrained delegation).
 * All integers little-endian. Stateless.
 *
 * <pre>
 * header (20 bytes): Revision=1, Sbz1=0, Control (u16), OffsetOwner, OffsetGroup, OffsetSacl, OffsetDacl (u32 each)
 * owner SID at 20, then the ACL: AclRevision=2, Sbz1=0, AclSize (u16), AceCount (u16), Sbz2=0,
 * then per ACE: AceType=0 (ACCESS_ALLOWED), AceFlags=0, AceSize (u16), Mask (u32), trustee SID
 * </pre>
 */
public final class SecurityDescriptorEncoder {
    /** SE_DACL_PRESENT. */
    public static final int SE_DACL_PRESENT = 0x0004;
    /** SE_SELF_RELATIVE. */
    public static final int SE_SELF_RELATIVE = 0x8000;
    /** ACCESS_ALLOWED_ACE_TYPE. */
    public static final int ACCESS_ALLOWED_ACE_TYPE = 0x00;
    /**
     * The mask PowerShell's {@code Set-ADComputer -PrincipalsAllowedToDelegateToAccount} writes (SDDL rights
     * {@code CCDCLCSWRPWPDTLOCRSDRCWDWO}: generic-all expanded for a DS object).
     */
    public static final int RBCD_ACCESS_MASK = 0x000F01FF;
    /** BUILTIN\Administrators, the owner AD gives such descriptors. */
    public static final String BUILTIN_ADMINISTRATORS = "S-1-5-32-544";
    private static final int ACL_REVISION = 2;

    private SecurityDescriptorEncoder() {}

    /**
     * The value of {@code msDS-AllowedToActOnBehalfOfOtherIdentity} that lets each trustee impersonate any user to
     * the account holding it: {@code O:BAD:(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;<trustee>)...}.
     *
     * @param trusteeSids at least one SID
     * @throws IllegalArgumentException when no trustee is given or a SID is malformed
     */
    public static byte[] resourceBasedDelegation(String... trusteeSids) {
        if (trusteeSids.length == 0) {
            throw new IllegalArgumentException("a delegation descriptor needs at least one trustee");
        }
        List<Ace> aces = new ArrayList<>();
        for (String sid : trusteeSids) {
            aces.add(new Ace(ACCESS_ALLOWED_ACE_TYPE, 0, RBCD_ACCESS_MASK, sid));
        }
        return selfRelative(BUILTIN_ADMINISTRATORS, aces);
    }

    /** One non-object ACE (no object type GUIDs). */
    public record Ace(int type, int flags, int mask, String sid) {
        public Ace {
            Objects.requireNonNull(sid, "sid");
            if (type < 0 || type > 0xFF || flags < 0 || flags > 0xFF) {
                throw new IllegalArgumentException("ACE type and flags are single bytes");
            }
        }
    }

    /**
     * A self-relative descriptor with an owner, no group, no SACL and a DACL holding the ACEs in order.
     *
     * @throws IllegalArgumentException when a SID is malformed or the ACL exceeds 65535 bytes
     */
    public static byte[] selfRelative(String ownerSid, List<Ace> dacl) {
        byte[] owner = SidEncoder.encode(ownerSid);
        ByteArrayOutputStream aceBytes = new ByteArrayOutputStream();
        for (Ace ace : dacl) {
            byte[] sid = SidEncoder.encode(ace.sid());
            int size = 8 + sid.length;
            aceBytes.write(ace.type());
            aceBytes.write(ace.flags());
            u16(aceBytes, size);
            u32(aceBytes, ace.mask());
            aceBytes.writeBytes(sid);
        }
        int aclSize = 8 + aceBytes.size();
        if (aclSize > 0xFFFF || dacl.size() > 0xFFFF) {
            throw new IllegalArgumentException("ACL of " + aclSize + " bytes does not fit its 16-bit size field");
        }
        int ownerOffset = 20;
        int daclOffset = ownerOffset + owner.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(daclOffset + aclSize);
        out.write(1);
        out.write(0);
        u16(out, SE_SELF_RELATIVE | SE_DACL_PRESENT);
        u32(out, ownerOffset);
        u32(out, 0);
        u32(out, 0);
        u32(out, daclOffset);
        out.writeBytes(owner);
        out.write(ACL_REVISION);
        out.write(0);
        u16(out, aclSize);
        u16(out, dacl.size());
        u16(out, 0);
        out.writeBytes(aceBytes.toByteArray());
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        u16(out, v & 0xFFFF);
        u16(out, (v >>> 16) & 0xFFFF);
    }
}
