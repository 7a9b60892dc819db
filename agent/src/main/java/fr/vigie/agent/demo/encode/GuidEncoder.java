package fr.vigie.agent.demo.encode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.UUID;

/**
 * Binary GUID (MS-DTYP 2.3.4.2), as AD stores {@code objectGUID} and {@code invocationId}: Data1 (32 bits),
 * Data2 and Data3 (16 bits each) little-endian, then Data4 (8 bytes) in order. The text form
 * {@code 01020304-0506-0708-090a-0b0c0d0e0f10} therefore encodes as {@code 04 03 02 01 06 05 08 07 09 0a ...}.
 * Stateless.
 */
public final class GuidEncoder {
    private GuidEncoder() {}

    public static byte[] encode(UUID guid) {
        Objects.requireNonNull(guid, "guid");
        long msb = guid.getMostSignificantBits();
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) (msb >>> 32));
        b.putShort((short) (msb >>> 16));
        b.putShort((short) msb);
        b.order(ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
        return b.array();
    }

    /**
     * @throws IllegalArgumentException when the value is not 16 bytes
     */
    public static UUID decode(byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, not " + value.length);
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        long data1 = b.getInt() & 0xFFFF_FFFFL;
        long data2 = b.getShort() & 0xFFFFL;
        long data3 = b.getShort() & 0xFFFFL;
        long lsb = b.order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(data1 << 32 | data2 << 16 | data3, lsb);
    }
}
