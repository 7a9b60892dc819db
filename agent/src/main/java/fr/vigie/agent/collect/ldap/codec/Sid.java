package fr.vigie.agent.collect.ldap.codec;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Security identifiers (MS-DTYP 2.4.2.2): the binary form of {@code objectSid}, {@code sIDHistory},
 * {@code securityIdentifier} and ACE trustees, and its string form {@code S-1-5-21-a-b-c-rid}. Stateless and
 * thread-safe.
 *
 * <p>Binary layout: Revision (1 byte, always 1), SubAuthorityCount (1 byte, at most 15), IdentifierAuthority
 * (6 bytes, big-endian), then SubAuthorityCount unsigned 32-bit little-endian sub-authorities.
 */
public final class Sid {
    /** Most sub-authorities a SID may have (MS-DTYP). */
    public static final int MAX_SUB_AUTHORITIES = 15;

    private Sid() {}

    /**
     * @param value the whole attribute value
     * @return the string form
     * @throws MalformedValueException when the value is not exactly one SID
     */
    public static String toString(byte[] value) {
        Objects.requireNonNull(value, "value");
        int length = length(value, 0);
        if (length != value.length) {
            throw new MalformedValueException("SID: " + value.length + " bytes but its sub-authority count gives "
                    + length);
        }
        return read(value, 0);
    }

    /**
     * Reads a SID that starts at {@code offset} (inside a security descriptor or an ACE).
     *
     * @throws MalformedValueException when the SID is truncated or not of revision 1
     */
    public static String read(byte[] b, int offset) {
        int length = length(b, offset);
        LittleEndian.check(b, offset, length, "SID");
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | (b[offset + 2 + i] & 0xFFL);
        }
        StringBuilder s = new StringBuilder("S-1-");
        // MS-DTYP 2.4.2.1: an authority that does not fit 32 bits is written in hex.
        s.append(authority < (1L << 32) ? Long.toString(authority) : String.format("0x%012X", authority));
        int count = b[offset + 1] & 0xFF;
        for (int i = 0; i < count; i++) {
            s.append('-').append(LittleEndian.u32(b, offset + 8 + 4 * i, "SID sub-authority"));
        }
        return s.toString();
    }

    /**
     * Size in bytes of the SID starting at {@code offset}: 8 + 4 x sub-authority count.
     *
     * @throws MalformedValueException when the header is truncated, the revision is not 1 or the count exceeds 15
     */
    public static int length(byte[] b, int offset) {
        int revision = LittleEndian.u8(b, offset, "SID revision");
        int count = LittleEndian.u8(b, offset + 1, "SID sub-authority count");
        if (revision != 1) {
            throw new MalformedValueException("SID: revision " + revision + " at offset " + offset + " (expected 1)");
        }
        if (count > MAX_SUB_AUTHORITIES) {
            throw new MalformedValueException("SID: " + count + " sub-authorities at offset " + offset + " (at most 15)");
        }
        return 8 + 4 * count;
    }

    /**
     * The binary form of a SID string (used to build test directories and search filters).
     *
     * @throws IllegalArgumentException when the string is not {@code S-1-<authority>(-<sub>)*} with at most 15
     *                                  sub-authorities that each fit in 32 unsigned bits
     */
    public static byte[] toBytes(String sid) {
        Objects.requireNonNull(sid, "sid");
        String[] parts = sid.split("-", -1);
        if (parts.length < 3 || !parts[0].equals("S") || !parts[1].equals("1")) {
            throw new IllegalArgumentException("not a SID string: " + sid);
        }
        int count = parts.length - 3;
        if (count > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("SID " + sid + " has more than 15 sub-authorities");
        }
        try {
            long authority = parts[2].startsWith("0x") || parts[2].startsWith("0X")
                    ? Long.parseLong(parts[2].substring(2), 16)
                    : Long.parseLong(parts[2]);
            if (authority < 0 || authority >= 1L << 48) {
                throw new IllegalArgumentException("SID " + sid + ": authority does not fit 48 bits");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 4 * count);
            out.write(1);
            out.write(count);
            for (int i = 5; i >= 0; i--) {
                out.write((int) (authority >>> (8 * i)) & 0xFF);
            }
            for (int i = 0; i < count; i++) {
                long sub = Long.parseLong(parts[3 + i]);
                if (sub < 0 || sub > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("SID " + sid + ": sub-authority " + sub + " does not fit 32 bits");
                }
                for (int k = 0; k < 4; k++) {
                    out.write((int) (sub >>> (8 * k)) & 0xFF);
                }
            }
            return out.toByteArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a SID string: " + sid, e);
        }
    }
}
