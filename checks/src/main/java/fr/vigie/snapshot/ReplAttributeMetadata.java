package fr.vigie.snapshot;

import java.time.Instant;

/**
 * One entry of a {@code replPropertyMetaData} vector (MS-DRSR 5.169 PROPERTY_META_DATA_EXT / REPL_PROPERTY_META_DATA).
 *
 * @param attributeId            ATTRTYP of the attribute (e.g. 0x2004A = dSASignature)
 * @param version                number of originating writes
 * @param originatingChangeTime  time of the last originating write
 * @param originatingInvocationId invocation id (GUID) of the DC that made it
 * @param originatingUsn         USN on that DC
 * @param localUsn               USN on the DC that answered
 */
public record ReplAttributeMetadata(int attributeId, long version, Instant originatingChangeTime,
        String originatingInvocationId, long originatingUsn, long localUsn) {
    /** ATTRTYP of dSASignature: updated by every AD-aware backup of the naming context. */
    public static final int DSA_SIGNATURE = 0x2004A;
}
