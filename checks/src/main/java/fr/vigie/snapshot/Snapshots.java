package fr.vigie.snapshot;

import java.util.List;
import java.util.Optional;

/** Null-tolerant copies used by the snapshot records' constructors (JSON may omit empty values). */
final class Snapshots {
    private Snapshots() {}

    static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    static <T> Optional<T> opt(Optional<T> in) {
        return in == null ? Optional.empty() : in;
    }
}
