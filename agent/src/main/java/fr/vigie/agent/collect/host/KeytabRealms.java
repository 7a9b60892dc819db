package fr.vigie.agent.collect.host;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the realms of the principals of a Kerberos keytab (MIT format 0x0502, big-endian; 0x0501 native order).
 * Only names are read, never keys. Stateless.
 */
final class KeytabRealms {
    private KeytabRealms() {}

    /** @throws IllegalArgumentException when the bytes are not a keytab */
    static Set<String> read(byte[] keytab) {
        if (keytab.length < 2 || keytab[0] != 0x05 || (keytab[1] != 0x02 && keytab[1] != 0x01)) {
            throw new IllegalArgumentException("not a Kerberos keytab (no 0x05 0x02 header)");
        }
        ByteBuffer b = ByteBuffer.wrap(keytab);
        if (keytab[1] == 0x01) {
            b.order(java.nio.ByteOrder.nativeOrder());
        }
        b.position(2);
        Set<String> realms = new LinkedHashSet<>();
        while (b.remaining() >= 4) {
            int size = b.getInt();
            if (size == 0) {
                break;
            }
            if (size < 0) {
                skip(b, -size);
                continue;
            }
            if (size > b.remaining()) {
                throw new IllegalArgumentException("truncated keytab entry");
            }
            int end = b.position() + size;
            b.getShort();
            int len = Short.toUnsignedInt(b.getShort());
            if (len > end - b.position()) {
                throw new IllegalArgumentException("malformed keytab entry");
            }
            byte[] realm = new byte[len];
            b.get(realm);
            realms.add(new String(realm, StandardCharsets.UTF_8));
            b.position(end);
        }
        return realms;
    }

    private static void skip(ByteBuffer b, int n) {
        if (n > b.remaining()) {
            throw new IllegalArgumentException("truncated keytab hole");
        }
        b.position(b.position() + n);
    }
}
