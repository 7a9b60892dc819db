package fr.vigie.checks;

import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.Group;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What triggered a finding: one directory object (or fact) and the attribute values that matter, as displayed to
 * the administrator. Immutable.
 *
 * @param object     DN of the object (or the name of a setting)
 * @param name       short name (sAMAccountName), may be empty
 * @param attributes attribute name to the value that triggered the rule, in display order
 */
public record Evidence(String object, String name, Map<String, String> attributes) {
    public Evidence {
        Objects.requireNonNull(object, "object");
        name = name == null ? "" : name;
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
    }

    public static Evidence of(Account account) {
        return new Evidence(account.dn(), account.samAccountName(), Map.of());
    }

    public static Evidence of(Group group) {
        return new Evidence(group.dn(), group.samAccountName(), Map.of());
    }

    public static Evidence of(String object) {
        return new Evidence(object, "", Map.of());
    }

    /** A copy with one more attribute. */
    public Evidence with(String attribute, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(attribute, String.valueOf(value));
        return new Evidence(object, name, copy);
    }
}
