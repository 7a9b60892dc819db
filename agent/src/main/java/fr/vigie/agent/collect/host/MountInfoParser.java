package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.MountedFileSystem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses {@code /proc/self/mountinfo} (proc(5)): the kernel's view of the mounts, which unlike {@code /etc/fstab}
 * says what is mounted now and whether it is read-only. Reading it never touches the mounted file systems, so a
 * hung NFS server cannot block it. Stateless.
 *
 * <pre>36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue</pre>
 */
final class MountInfoParser {
    /** Parsed mounts and the lines that could not be understood. */
    record Parsed(List<MountedFileSystem> mounts, List<String> errors) {}

    private MountInfoParser() {}

    /**
     * @param transport for a mount source, its network transport when it is a block device behind one (e.g. iSCSI)
     */
    static Parsed parse(List<String> lines, String origin, Function<String, Optional<String>> transport) {
        List<MountedFileSystem> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            int dash = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (f.length < 10 || dash < 0 || dash + 3 > f.length) {
                errors.add(origin + ":" + n + ": not a mountinfo line: '" + abbreviate(line) + "'");
                continue;
            }
            String mountPoint = unescape(f[4]);
            List<String> perMount = List.of(f[5].split(","));
            String type = f[dash + 1];
            String source = unescape(f[dash + 2]);
            List<String> superOptions = dash + 3 < f.length ? List.of(f[dash + 3].split(",")) : List.of();
            Set<String> options = new LinkedHashSet<>(perMount);
            options.addAll(superOptions);
            boolean readOnly = perMount.contains("ro") || superOptions.contains("ro");
            out.add(new MountedFileSystem(mountPoint, type, source, readOnly, List.copyOf(options),
                    transport.apply(source), origin));
        }
        return new Parsed(out, errors);
    }

    /** Undoes the kernel's octal escapes of space, tab, newline and backslash ({@code \040}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
