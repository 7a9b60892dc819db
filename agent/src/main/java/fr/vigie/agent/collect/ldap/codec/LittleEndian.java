package fr.vigie.agent.collect.ldap.codec;

/** Bounds-checked little-endian reads from a byte array; out-of-range reads throw {@link MalformedValueException}. */
final class LittleEndian {
    private LittleEndian() {}

    static int u8(byte[] b, int offset, String what) {
        check(b, offset, 1, what);
        return b[offset] & 0xFF;
    }

    static int u16(byte[] b, int offset, String what) {
        check(b, offset, 2, what);
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    /** An unsigned 32-bit value, as a long. */
    static long u32(byte[] b, int offset, String what) {
        check(b, offset, 4, what);
        return (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
                | (b[offset + 3] & 0xFFL) << 24;
    }

    static long i64(byte[] b, int offset, String what) {
        check(b, offset, 8, what);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[offset + i] & 0xFFL);
        }
        return v;
    }

    static void check(byte[] b, int offset, int length, String what) {
        if (offset < 0 || length < 0 || offset > b.length - length) {
            throw new MalformedValueException(what + ": needs " + length + " bytes at offset " + offset + " but the value has "
                    + b.length + " bytes");
        }
    }
}
