package fr.vigie.agent.collect.ldap.adlike;

import fr.vigie.agent.collect.ldap.codec.Sid;
import java.io.ByteArrayOutputStream;

/** Builds self-relative security descriptors (MS-DTYP 2.4.6) for test entries. Stateless. */
public final class SecurityDescriptors {
    /** GENERIC_ALL-like mask used by AD for RBCD ACEs. */
    public static final int FULL_CONTROL = 0x000F01FF;

    private SecurityDescriptors() {}

    /** Owner BUILTIN\Administrators, a DACL with one ACCESS_ALLOWED ACE (full control) per SID. */
    public static byte[] allowing(String... sids) {
        ByteArrayOutputStream aces = new ByteArrayOutputStream();
        for (String sid : sids) {
            byte[] s = Sid.toBytes(sid);
            int size = 8 + s.length;
            aces.write(0x00); // ACCESS_ALLOWED_ACE_TYPE
            aces.write(0);
            le16(aces, size);
            le32(aces, FULL_CONTROL);
            aces.writeBytes(s);
        }
        byte[] owner = Sid.toBytes("S-1-5-32-544");
        byte[] aceBytes = aces.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ownerOffset = 20;
        int daclOffset = ownerOffset + owner.length;
        out.write(1);
        out.write(0);
        le16(out, 0x8004); // SE_SELF_RELATIVE | SE_DACL_PRESENT
        le32(out, ownerOffset);
        le32(out, 0);
        le32(out, 0);
        le32(out, daclOffset);
        out.writeBytes(owner);
        out.write(2); // ACL_REVISION
        out.write(0);
        le16(out, 8 + aceBytes.length);
        le16(out, sids.length);
        le16(out, 0);
        out.writeBytes(aceBytes);
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le16(out, v & 0xFFFF);
        le16(out, (v >>> 16) & 0xFFFF);
    }
}
