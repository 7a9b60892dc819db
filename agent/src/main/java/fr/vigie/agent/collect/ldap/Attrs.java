package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import fr.vigie.agent.collect.ldap.codec.AdTime;
import fr.vigie.agent.collect.ldap.codec.MalformedValueException;
import fr.vigie.agent.collect.ldap.codec.SecurityDescriptor;
import fr.vigie.agent.collect.ldap.codec.Sid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of AD attribute values from an entry. Absent attributes give empty results; values that do not decode
 * throw {@link MalformedValueException} naming the attribute. Stateless.
 */
final class Attrs {
    private Attrs() {}

    static Optional<String> string(Entry e, String name) {
        return Optional.ofNullable(e.getAttributeValue(name));
    }

    static List<String> strings(Entry e, String name) {
        String[] v = e.getAttributeValues(name);
        return v == null ? List.of() : List.of(v);
    }

    static Optional<Long> integer(Entry e, String name) {
        String v = e.getAttributeValue(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException ex) {
            throw new MalformedValueException(name + ": '" + v + "' is not an integer", ex);
        }
    }

    /** A 32-bit AD integer (returned signed, e.g. groupType -2147483646, or unsigned by some servers). */
    static Optional<Integer> int32(Entry e, String name) {
        return integer(e, name).map(Long::intValue);
    }

    static int int32(Entry e, String name, int absent) {
        return int32(e, name).orElse(absent);
    }

    static Optional<String> sid(Entry e, String name) {
        byte[] v = e.getAttributeValueBytes(name);
        return v == null ? Optional.empty() : Optional.of(sid(name, v));
    }

    static List<String> sids(Entry e, String name) {
        Attribute a = e.getAttribute(name);
        if (a == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (byte[] v : a.getValueByteArrays()) {
            out.add(sid(name, v));
        }
        return out;
    }

    private static String sid(String name, byte[] v) {
        try {
            return Sid.toString(v);
        } catch (MalformedValueException ex) {
            throw new MalformedValueException(name + ": " + ex.getMessage(), ex);
        }
    }

    /** FILETIME integer; empty when absent, 0 or "never". */
    static Optional<Instant> fileTime(Entry e, String name) {
        String v = e.getAttributeValue(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return AdTime.fromFileTime(v);
        } catch (MalformedValueException ex) {
            throw new MalformedValueException(name + ": " + ex.getMessage(), ex);
        }
    }

    static Optional<Instant> generalizedTime(Entry e, String name) {
        String v = e.getAttributeValue(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(AdTime.fromGeneralizedTime(v));
        } catch (MalformedValueException ex) {
            throw new MalformedValueException(name + ": " + ex.getMessage(), ex);
        }
    }

    /** SIDs granted by the DACL of a security-descriptor attribute (e.g. RBCD); empty when absent. */
    static List<String> allowedSids(Entry e, String name) {
        byte[] v = e.getAttributeValueBytes(name);
        if (v == null) {
            return List.of();
        }
        try {
            return SecurityDescriptor.parse(v).allowedSids();
        } catch (MalformedValueException ex) {
            throw new MalformedValueException(name + ": " + ex.getMessage(), ex);
        }
    }

    static boolean has(Entry e, String name) {
        return e.hasAttribute(name);
    }
}
