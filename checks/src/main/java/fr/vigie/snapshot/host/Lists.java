package fr.vigie.snapshot.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Null-tolerant copies used by the host records' constructors (JSON may omit empty values). */
final class Lists {
    private Lists() {}

    static <T> List<T> copy(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    static <T> Optional<T> opt(Optional<T> in) {
        return in == null ? Optional.empty() : in;
    }

    static String text(String in) {
        return in == null ? "" : in;
    }

    static Map<String, String> map(Map<String, String> in) {
        return in == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }
}
