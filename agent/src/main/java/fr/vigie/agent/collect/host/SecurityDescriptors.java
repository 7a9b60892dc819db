package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.AceType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decodes a self-relative Windows security descriptor (MS-DTYP 2.4.6: the bytes of
 * {@code shi502_security_descriptor} or of {@code GetNamedSecurityInfo}) into its owner and DACL entries. Pure Java,
 * so the decision code is tested here on descriptors recorded from Windows or encoded by Samba. Stateless.
 */
final class SecurityDescriptors {
    static final int SE_DACL_PRESENT = 0x0004;
    static final int SE_SELF_RELATIVE = 0x8000;

    /** A decoded descriptor. {@code dacl} empty with {@code nullDacl} false means "no access for anyone". */
    record Decoded(Optional<String> ownerSid, boolean daclPresent, boolean nullDacl, List<AccessEntry> dacl) {}

    private SecurityDescriptors() {}

    /**
     * @param names resolves a SID to a display name (empty string when unknown)
     * @throws IllegalArgumentException when the bytes are not a self-relative security descriptor
     */
    static Decoded decode(byte[] sd, Function<String, String> names) {
        if (sd.length < 20 || sd[0] != 1) {
            throw new IllegalArgumentException("not a security descriptor (revision " + (sd.length > 0 ? sd[0] : -1)
                    + ", " + sd.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(sd).order(ByteOrder.LITTLE_ENDIAN);
        int control = Short.toUnsignedInt(b.getShort(2));
        if ((control & SE_SELF_RELATIVE) == 0) {
            throw new IllegalArgumentException("security descriptor is not self-relative");
        }
        int ownerOffset = b.getInt(4);
        int daclOffset = b.getInt(16);
        Optional<String> owner = ownerOffset == 0 ? Optional.empty() : Optional.of(sid(b, ownerOffset));
        boolean present = (control & SE_DACL_PRESENT) != 0;
        if (!present || daclOffset == 0) {
            return new Decoded(owner, present, present, List.of());
        }
        check(b, daclOffset, 8);
        int aceCount = Short.toUnsignedInt(b.getShort(daclOffset + 4));
        List<AccessEntry> out = new ArrayList<>();
        int pos = daclOffset + 8;
        for (int i = 0; i < aceCount; i++) {
            check(b, pos, 4);
            int type = Byte.toUnsignedInt(b.get(pos));
            int flags = Byte.toUnsignedInt(b.get(pos + 1));
            int size = Short.toUnsignedInt(b.getShort(pos + 2));
            if (size < 8) {
                throw new IllegalArgumentException("ACE " + i + " has an impossible size " + size);
            }
            check(b, pos, size);
            long mask = Integer.toUnsignedLong(b.getInt(pos + 4));
            AceType kind;
            String trustee;
            switch (type) {
                case 0, 1, 9, 10 -> { // ACCESS_ALLOWED, ACCESS_DENIED, callback variants
                    kind = type == 0 || type == 9 ? AceType.ALLOW : AceType.DENY;
                    trustee = sid(b, pos + 8);
                }
                case 5, 6, 11, 12 -> { // object ACEs: flags, optional GUIDs, then the SID
                    kind = type == 5 || type == 11 ? AceType.ALLOW : AceType.DENY;
                    int objFlags = b.getInt(pos + 8);
                    int sidPos = pos + 12 + ((objFlags & 1) != 0 ? 16 : 0) + ((objFlags & 2) != 0 ? 16 : 0);
                    trustee = sid(b, sidPos);
                }
                default -> {
                    kind = AceType.OTHER;
                    trustee = size >= 16 ? sid(b, pos + 8) : "";
                }
            }
            out.add(AccessEntry.of(trustee, names.apply(trustee), kind, mask, flags));
            pos += size;
        }
        return new Decoded(owner, true, false, out);
    }

    /** A SID in S-R-I-S... form from its binary form at the offset. */
    static String sid(ByteBuffer b, int offset) {
        check(b, offset, 8);
        int revision = Byte.toUnsignedInt(b.get(offset));
        int count = Byte.toUnsignedInt(b.get(offset + 1));
        check(b, offset, 8 + 4 * count);
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = (authority << 8) | Byte.toUnsignedLong(b.get(offset + 2 + i));
        }
        StringBuilder s = new StringBuilder("S-").append(revision).append('-').append(authority);
        for (int i = 0; i < count; i++) {
            s.append('-').append(Integer.toUnsignedLong(b.getInt(offset + 8 + 4 * i)));
        }
        return s.toString();
    }

    private static void check(ByteBuffer b, int offset, int length) {
        if (offset < 0 || offset + length > b.limit()) {
            throw new IllegalArgumentException("security descriptor truncated at offset " + offset);
        }
    }
}
