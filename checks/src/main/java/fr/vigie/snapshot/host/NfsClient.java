package fr.vigie.snapshot.host;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One client entry of an NFS export: who may mount and with which options. Immutable.
 *
 * @param host    client specification as written: {@code *}, a host name (wildcards allowed), {@code @netgroup},
 *                an IP network {@code 10.0.0.0/8} or {@code 10.0.0.0/255.0.0.0}, {@code gss/krb5}
 * @param options the effective options: the line's default options ({@code -opt}) followed by the client's own,
 *                as written (NFS defaults such as {@code ro} and {@code root_squash} are not added)
 */
public record NfsClient(String host, List<String> options) {
    public NfsClient {
        Objects.requireNonNull(host, "host");
        options = Lists.copy(options);
    }

    /** True when the option is present; a later option wins over an earlier contrary one (rw after ro). */
    public boolean has(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        for (int i = options.size() - 1; i >= 0; i--) {
            String name = options.get(i).toLowerCase(Locale.ROOT);
            if (name.equals(o)) {
                return true;
            }
            if (name.equals(contrary(o))) {
                return false;
            }
        }
        return false;
    }

    /** Read-write: {@code rw} given (the NFS default is read-only). */
    public boolean readWrite() {
        return has("rw");
    }

    private static String contrary(String option) {
        return switch (option) {
            case "rw" -> "ro";
            case "ro" -> "rw";
            case "no_root_squash" -> "root_squash";
            case "root_squash" -> "no_root_squash";
            case "insecure" -> "secure";
            case "secure" -> "insecure";
            case "all_squash" -> "no_all_squash";
            case "no_all_squash" -> "all_squash";
            default -> "";
        };
    }
}
