package fr.vigie.agent.demo.encode;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Binary form of a security identifier (MS-DTYP 2.4.2.2), as AD stores {@code objectSid}, {@code sIDHistory} and
 * {@code securityIdentifier}: revision (1 byte, always 1), sub-authority count (1 byte), identifier authority
 * (6 bytes, big-endian), then each sub-authority as a little-endian 32-bit unsigned integer. Stateless.
 */
public final class SidEncoder {
    /** MS-DTYP: at most 15 sub-authorities. */
    public static final int MAX_SUB_AUTHORITIES = 15;

    private SidEncoder() {}

    /**
     * @param sid textual SID, e.g. {@code S-1-5-21-1004336348-1177238915-682003330-512}; not null
     * @return its binary form
     * @throws IllegalArgumentException when the text is not a SID (wrong prefix or revision, no or too many
     *                                  sub-authorities, a component that is not an unsigned number in range)
     */
    public static byte[] encode(String sid) {
        Objects.requireNonNull(sid, "sid");
        String[] parts = sid.split("-", -1);
        if (parts.length < 4 || !parts[0].equalsIgnoreCase("S") || !parts[1].equals("1")) {
            throw new IllegalArgumentException("'" + sid
                    + "' is not a SID: expected S-1-<authority>-<sub-authority>...");
        }
        int count = parts.length - 3;
        if (count > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("'" + sid + "' has " + count + " sub-authorities, at most "
                    + MAX_SUB_AUTHORITIES + " are allowed");
        }
        long authority = unsigned(sid, parts[2], 0xFFFF_FFFF_FFFFL);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 4 * count);
        out.write(1);
        out.write(count);
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.write((int) (authority >>> shift) & 0xFF);
        }
        for (int i = 3; i < parts.length; i++) {
            long sub = unsigned(sid, parts[i], 0xFFFF_FFFFL);
            for (int shift = 0; shift < 32; shift += 8) {
                out.write((int) (sub >>> shift) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /**
     * The inverse of {@link #encode(String)}.
     *
     * @throws IllegalArgumentException when the bytes are not exactly one SID
     */
    public static String decode(byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length < 8 || value[0] != 1) {
            throw new IllegalArgumentException("not a binary SID: " + value.length + " bytes, revision "
                    + (value.length == 0 ? "none" : Integer.toString(value[0])));
        }
        int count = value[1] & 0xFF;
        if (count > MAX_SUB_AUTHORITIES || value.length != 8 + 4 * count) {
            throw new IllegalArgumentException("not a binary SID: " + count + " sub-authorities in " + value.length
                    + " bytes");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (value[i] & 0xFF);
        }
        StringBuilder out = new StringBuilder("S-1-").append(authority);
        for (int i = 0; i < count; i++) {
            int o = 8 + 4 * i;
            long sub = (value[o] & 0xFFL) | (value[o + 1] & 0xFFL) << 8 | (value[o + 2] & 0xFFL) << 16
                    | (value[o + 3] & 0xFFL) << 24;
            out.append('-').append(sub);
        }
        return out.toString();
    }

    private static long unsigned(String sid, String part, long max) {
        try {
            long v = Long.parseLong(part);
            if (v < 0 || v > max || part.startsWith("+")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + sid + "' is not a SID: '" + part + "' is not an unsigned number"
                    + " of at most " + (max == 0xFFFF_FFFFL ? 32 : 48) + " bits", e);
        }
    }
}
