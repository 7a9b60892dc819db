package fr.vigie.agent.collect.ldap.codec;

import fr.vigie.snapshot.ReplAttributeMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the {@code replPropertyMetaData} attribute: the NDR blob that Samba's drsblobs.idl names
 * {@code replPropertyMetaDataBlob} and MS-DRSR describes as a version-1 vector of PROPERTY_META_DATA stamps.
 * Stateless and thread-safe.
 *
 * <pre>
 * offset  size  field
 *   0      4    version            (1)
 *   4      4    reserved           (0)
 *   8      4    count              (number of entries)
 *  12      4    reserved           (0, alignment of the 8-byte members below)
 *  16     48    entry[0] ... entry[count-1], each:
 *                 +0  u32  attid                      (ATTRTYP)
 *                 +4  u32  version                    (originating writes)
 *                 +8  i64  originating_change_time    (DSTIME: seconds since 1601-01-01, not a FILETIME)
 *                 +16 16   originating_invocation_id  (GUID)
 *                 +32 i64  originating_usn
 *                 +40 i64  local_usn
 * </pre>
 * All integers are little-endian. Verified against a Samba 4.17 domain head (test resource
 * {@code collect/samba/domain-head-replPropertyMetaData.bin}).
 */
public final class ReplPropertyMetaData {
    static final int HEADER = 16;
    static final int ENTRY = 48;
    /** Year 9999: beyond this a value is garbage, not a time. */
    private static final long MAX_DSTIME = 253_402_300_800L + AdTime.EPOCH_DIFF_SECONDS;

    private ReplPropertyMetaData() {}

    /**
     * @throws MalformedValueException when the version is not 1 or the value is shorter than its count says
     */
    public static List<ReplAttributeMetadata> parse(byte[] blob) {
        Objects.requireNonNull(blob, "blob");
        long version = LittleEndian.u32(blob, 0, "replPropertyMetaData version");
        if (version != 1) {
            throw new MalformedValueException("replPropertyMetaData: version " + version + " (only version 1 exists)");
        }
        long count = LittleEndian.u32(blob, 8, "replPropertyMetaData count");
        long needed = HEADER + count * ENTRY;
        if (needed > blob.length) {
            throw new MalformedValueException("replPropertyMetaData: " + count + " entries need " + needed
                    + " bytes but the value has " + blob.length);
        }
        List<ReplAttributeMetadata> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int o = HEADER + i * ENTRY;
            int attid = (int) LittleEndian.u32(blob, o, "attid");
            long attrVersion = LittleEndian.u32(blob, o + 4, "version");
            long dsTime = LittleEndian.i64(blob, o + 8, "originating_change_time");
            String invocationId = Guid.read(blob, o + 16);
            long originatingUsn = LittleEndian.i64(blob, o + 32, "originating_usn");
            long localUsn = LittleEndian.i64(blob, o + 40, "local_usn");
            if (dsTime < 0 || dsTime > MAX_DSTIME) {
                throw new MalformedValueException("replPropertyMetaData entry " + i + ": change time " + dsTime
                        + " is not a DSTIME");
            }
            // 0 (never written) reads as 1601-01-01T00:00:00Z, the DSTIME origin.
            Instant changed = Instant.ofEpochSecond(dsTime - AdTime.EPOCH_DIFF_SECONDS);
            out.add(new ReplAttributeMetadata(attid, attrVersion, changed, invocationId, originatingUsn, localUsn));
        }
        return List.copyOf(out);
    }

    /** Encodes entries back into the blob (test data). */
    public static byte[] encode(List<ReplAttributeMetadata> entries) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(HEADER + ENTRY * entries.size())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buf.putInt(1).putInt(0).putInt(entries.size()).putInt(0);
        for (ReplAttributeMetadata e : entries) {
            buf.putInt(e.attributeId()).putInt((int) e.version()).putLong(AdTime.toDsTime(e.originatingChangeTime()));
            buf.put(Guid.toBytes(e.originatingInvocationId()));
            buf.putLong(e.originatingUsn()).putLong(e.localUsn());
        }
        return buf.array();
    }
}
