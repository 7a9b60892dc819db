package fr.vigie.agent.collect.ldap.codec;

import java.util.Locale;

/**
 * GUIDs as stored by Active Directory (MS-DTYP 2.3.4.2): Data1 (u32), Data2 (u16), Data3 (u16) little-endian, then
 * Data4 (8 bytes) in order. Rendered in the usual {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} form. Stateless.
 */
public final class Guid {
    /** Size of a GUID in bytes. */
    public static final int LENGTH = 16;

    private Guid() {}

    /** @throws MalformedValueException when fewer than 16 bytes follow {@code offset} */
    public static String read(byte[] b, int offset) {
        LittleEndian.check(b, offset, LENGTH, "GUID");
        StringBuilder s = new StringBuilder(36);
        s.append(String.format(Locale.ROOT, "%08x-%04x-%04x-", LittleEndian.u32(b, offset, "GUID"),
                LittleEndian.u16(b, offset + 4, "GUID"), LittleEndian.u16(b, offset + 6, "GUID")));
        for (int i = 8; i < 16; i++) {
            if (i == 10) {
                s.append('-');
            }
            s.append(String.format(Locale.ROOT, "%02x", b[offset + i] & 0xFF));
        }
        return s.toString();
    }

    /** The 16-byte AD form of a GUID string (for test data). */
    public static byte[] toBytes(String guid) {
        String hex = guid.replace("-", "");
        if (hex.length() != 32 || !hex.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("not a GUID: " + guid);
        }
        byte[] raw = new byte[16];
        for (int i = 0; i < 16; i++) {
            raw[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        byte[] out = raw.clone();
        int[] order = {3, 2, 1, 0, 5, 4, 7, 6};
        for (int i = 0; i < 8; i++) {
            out[i] = raw[order[i]];
        }
        return out;
    }
}
