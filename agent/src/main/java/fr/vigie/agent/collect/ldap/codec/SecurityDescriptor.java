package fr.vigie.agent.collect.ldap.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A self-relative security descriptor (MS-DTYP 2.4.6), as stored in {@code nTSecurityDescriptor} and
 * {@code msDS-AllowedToActOnBehalfOfOtherIdentity}: owner, group and the ACEs of the DACL. The SACL is not decoded.
 * Immutable.
 *
 * <pre>
 * SECURITY_DESCRIPTOR (self-relative): Revision u8 (1), Sbz1 u8, Control u16, OffsetOwner u32, OffsetGroup u32,
 *                                      OffsetSacl u32, OffsetDacl u32 (offsets from the start; 0 = absent)
 * ACL:  AclRevision u8 (2 or 4), Sbz1 u8, AclSize u16, AceCount u16, Sbz2 u16, then AceCount ACEs
 * ACE:  AceType u8, AceFlags u8, AceSize u16, then by type:
 *       ACCESS_ALLOWED (0x00), ACCESS_DENIED (0x01):           Mask u32, Sid
 *       ACCESS_ALLOWED_OBJECT (0x05), ACCESS_DENIED_OBJECT (0x06): Mask u32, Flags u32,
 *           ObjectType GUID (if Flags &amp; 1), InheritedObjectType GUID (if Flags &amp; 2), Sid
 * </pre>
 *
 * @param owner owner SID, empty when the descriptor has none
 * @param group primary group SID, empty when the descriptor has none
 * @param dacl  ACEs of the DACL in order; empty when there is no DACL or it has no ACE
 * @param daclPresent false when SE_DACL_PRESENT is clear (a NULL DACL: everyone is granted everything)
 */
public record SecurityDescriptor(Optional<String> owner, Optional<String> group, List<Ace> dacl, boolean daclPresent) {
    public static final int SE_DACL_PRESENT = 0x0004;
    public static final int SE_SELF_RELATIVE = 0x8000;

    public static final int ACCESS_ALLOWED_ACE_TYPE = 0x00;
    public static final int ACCESS_DENIED_ACE_TYPE = 0x01;
    public static final int ACCESS_ALLOWED_OBJECT_ACE_TYPE = 0x05;
    public static final int ACCESS_DENIED_OBJECT_ACE_TYPE = 0x06;

    /** AceFlags bit: the ACE only applies to children, not to the object itself. */
    public static final int INHERIT_ONLY_ACE = 0x08;

    public SecurityDescriptor {
        owner = owner == null ? Optional.empty() : owner;
        group = group == null ? Optional.empty() : group;
        dacl = dacl == null ? List.of() : List.copyOf(dacl);
    }

    /**
     * One ACE of the DACL.
     *
     * @param type       AceType
     * @param flags      AceFlags
     * @param mask       access mask
     * @param objectType object-type GUID of an object ACE, when present
     * @param sid        trustee; empty for ACE types whose layout is not decoded (callback, audit...)
     */
    public record Ace(int type, int flags, long mask, Optional<String> objectType, Optional<String> sid) {
        public Ace {
            objectType = objectType == null ? Optional.empty() : objectType;
            sid = sid == null ? Optional.empty() : sid;
        }

        /** ACCESS_ALLOWED or ACCESS_ALLOWED_OBJECT. */
        public boolean isAllow() {
            return type == ACCESS_ALLOWED_ACE_TYPE || type == ACCESS_ALLOWED_OBJECT_ACE_TYPE;
        }

        /** Applies to the object itself (not INHERIT_ONLY). */
        public boolean appliesToObject() {
            return (flags & INHERIT_ONLY_ACE) == 0;
        }
    }

    /**
     * @throws MalformedValueException when the descriptor is not self-relative, or an offset or size points
     *                                 outside the value
     */
    public static SecurityDescriptor parse(byte[] sd) {
        Objects.requireNonNull(sd, "sd");
        int revision = LittleEndian.u8(sd, 0, "security descriptor revision");
        if (revision != 1) {
            throw new MalformedValueException("security descriptor: revision " + revision + " (expected 1)");
        }
        int control = LittleEndian.u16(sd, 2, "security descriptor control");
        if ((control & SE_SELF_RELATIVE) == 0) {
            throw new MalformedValueException("security descriptor: not self-relative (control 0x"
                    + Integer.toHexString(control) + ")");
        }
        int ownerOffset = offset(sd, 4, "OffsetOwner");
        int groupOffset = offset(sd, 8, "OffsetGroup");
        int daclOffset = offset(sd, 16, "OffsetDacl");
        Optional<String> owner = ownerOffset == 0 ? Optional.empty() : Optional.of(Sid.read(sd, ownerOffset));
        Optional<String> group = groupOffset == 0 ? Optional.empty() : Optional.of(Sid.read(sd, groupOffset));
        boolean daclPresent = (control & SE_DACL_PRESENT) != 0;
        List<Ace> aces = daclPresent && daclOffset != 0 ? readAcl(sd, daclOffset) : List.of();
        return new SecurityDescriptor(owner, group, aces, daclPresent);
    }

    /**
     * The distinct SIDs granted access to the object by the DACL: trustees of ACCESS_ALLOWED and
     * ACCESS_ALLOWED_OBJECT ACEs that are not inherit-only, in DACL order. Deny ACEs are not subtracted (an
     * auditor wants every principal the descriptor names as allowed).
     */
    public List<String> allowedSids() {
        Set<String> out = new LinkedHashSet<>();
        for (Ace ace : dacl) {
            if (ace.isAllow() && ace.appliesToObject()) {
                ace.sid().ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    private static int offset(byte[] sd, int at, String what) {
        long v = LittleEndian.u32(sd, at, "security descriptor " + what);
        if (v >= sd.length && v != 0) {
            throw new MalformedValueException("security descriptor: " + what + " " + v + " is past the end ("
                    + sd.length + " bytes)");
        }
        return (int) v;
    }

    private static List<Ace> readAcl(byte[] sd, int at) {
        int aclSize = LittleEndian.u16(sd, at + 2, "ACL size");
        int aceCount = LittleEndian.u16(sd, at + 4, "ACL ace count");
        LittleEndian.check(sd, at, aclSize, "ACL");
        int end = at + aclSize;
        List<Ace> out = new ArrayList<>(aceCount);
        int o = at + 8;
        for (int i = 0; i < aceCount; i++) {
            int type = LittleEndian.u8(sd, o, "ACE type");
            int flags = LittleEndian.u8(sd, o + 1, "ACE flags");
            int size = LittleEndian.u16(sd, o + 2, "ACE size");
            if (size < 4 || o + size > end) {
                throw new MalformedValueException("security descriptor: ACE " + i + " at offset " + o + " has size "
                        + size + " outside its ACL (ends at " + end + ")");
            }
            out.add(readAce(sd, o, type, flags, size));
            o += size;
        }
        return out;
    }

    private static Ace readAce(byte[] sd, int o, int type, int flags, int size) {
        byte[] ace = java.util.Arrays.copyOfRange(sd, o, o + size);
        switch (type) {
            case ACCESS_ALLOWED_ACE_TYPE, ACCESS_DENIED_ACE_TYPE -> {
                long mask = LittleEndian.u32(ace, 4, "ACE mask");
                return new Ace(type, flags, mask, Optional.empty(), Optional.of(Sid.read(ace, 8)));
            }
            case ACCESS_ALLOWED_OBJECT_ACE_TYPE, ACCESS_DENIED_OBJECT_ACE_TYPE -> {
                long mask = LittleEndian.u32(ace, 4, "ACE mask");
                long objFlags = LittleEndian.u32(ace, 8, "object ACE flags");
                int p = 12;
                Optional<String> objectType = Optional.empty();
                if ((objFlags & 1) != 0) {
                    objectType = Optional.of(Guid.read(ace, p));
                    p += Guid.LENGTH;
                }
                if ((objFlags & 2) != 0) {
                    p += Guid.LENGTH;
                }
                return new Ace(type, flags, mask, objectType, Optional.of(Sid.read(ace, p)));
            }
            default -> {
                long mask = size >= 8 ? LittleEndian.u32(ace, 4, "ACE mask") : 0;
                return new Ace(type, flags, mask, Optional.empty(), Optional.empty());
            }
        }
    }
}
