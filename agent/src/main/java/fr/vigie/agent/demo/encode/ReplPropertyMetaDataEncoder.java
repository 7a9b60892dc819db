package fr.vigie.agent.demo.encode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The binary {@code replPropertyMetaData} value AD returns over LDAP (MS-DRSR PROPERTY_META_DATA_EXT vector,
 * Samba's {@code replPropertyMetaDataBlob}), little-endian. Stateless.
 *
 * <pre>
 * offset 0: version = 1 (u32), reserved = 0 (u32), count (u32), reserved = 0 (u32)
 * then count entries of 48 bytes: attid (u32), version (u32), originating change time (i64, DSTIME = seconds
 * since 1601), originating invocation id (GUID, 16 bytes), originating USN (i64), local USN (i64)
 * </pre>
 */
public final class ReplPropertyMetaDataEncoder {
    /** ATTRTYP of dSASignature (1.2.840.113556.1.2.74): rewritten by every AD-aware backup of the naming context. */
    public static final int DSA_SIGNATURE = 0x2004A;
    /** ATTRTYP of objectClass (2.5.4.0). */
    public static final int OBJECT_CLASS = 0x0;
    /** ATTRTYP of instanceType (1.2.840.113556.1.2.1). */
    public static final int INSTANCE_TYPE = 0x20001;
    /** ATTRTYP of whenCreated (1.2.840.113556.1.2.2). */
    public static final int WHEN_CREATED = 0x20002;
    /** ATTRTYP of nTSecurityDescriptor (1.2.840.113556.1.2.281). */
    public static final int NT_SECURITY_DESCRIPTOR = 0x20119;
    /** ATTRTYP of name (1.2.840.113556.1.4.1). */
    public static final int NAME = 0x90001;
    /** ATTRTYP of objectGUID (1.2.840.113556.1.4.2). */
    public static final int OBJECT_GUID = 0x90002;
    /** ATTRTYP of objectSid (1.2.840.113556.1.4.146). */
    public static final int OBJECT_SID = 0x90092;
    /** ATTRTYP of msDS-Behavior-Version (1.2.840.113556.1.4.1459). */
    public static final int BEHAVIOR_VERSION = 0x905B3;

    static final int HEADER = 16;
    static final int ENTRY = 48;

    private ReplPropertyMetaDataEncoder() {}

    /**
     * One attribute's replication stamp.
     *
     * @param attributeId    ATTRTYP
     * @param version        number of originating writes, at least 1
     * @param changed        time of the last originating write (kept to the second)
     * @param invocationId   invocation id of the DC that made it
     * @param originatingUsn USN on that DC
     * @param localUsn       USN on the DC that answers
     */
    public record Stamp(int attributeId, int version, Instant changed, UUID invocationId, long originatingUsn,
            long localUsn) {
        public Stamp {
            Objects.requireNonNull(changed, "changed");
            Objects.requireNonNull(invocationId, "invocationId");
            if (version < 1) {
                throw new IllegalArgumentException("a stamp's version starts at 1");
            }
        }
    }

    public static byte[] encode(List<Stamp> stamps) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + ENTRY * stamps.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1).putInt(0).putInt(stamps.size()).putInt(0);
        for (Stamp s : stamps) {
            b.putInt(s.attributeId()).putInt(s.version()).putLong(AdTimes.dsTime(s.changed()));
            b.put(GuidEncoder.encode(s.invocationId()));
            b.putLong(s.originatingUsn()).putLong(s.localUsn());
        }
        return b.array();
    }
}
