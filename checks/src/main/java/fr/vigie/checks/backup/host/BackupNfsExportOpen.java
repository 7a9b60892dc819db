package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.NfsClient;
import fr.vigie.snapshot.host.NfsExport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An NFS export of backups is too open: read-write to everybody ({@code *}, a host wildcard, a network of
 * {@code maxIpv4Prefix} bits or fewer, IPv6 {@code maxIpv6Prefix}), {@code no_root_squash} (root on any client is
 * root on the backups) or {@code insecure} (any unprivileged process of a client may connect). A line without
 * client counts as {@code *}.
 */
public final class BackupNfsExportOpen implements HostCheck {
    @Override
    public String ruleId() {
        return "backup-nfs-export-open";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.NFS_EXPORTS);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        List<String> patterns = context.listThreshold("backupPatterns");
        long maxV4 = context.threshold("maxIpv4Prefix");
        long maxV6 = context.threshold("maxIpv6Prefix");
        List<Evidence> out = new ArrayList<>();
        for (NfsExport x : host.nfsExports()) {
            Optional<String> reason = BackupTargets.reason("", x.path(), host, patterns);
            if (reason.isEmpty()) {
                continue;
            }
            for (NfsClient c : x.clients()) {
                List<String> problems = new ArrayList<>();
                Optional<String> wide = wideness(c.host(), maxV4, maxV6);
                if (c.readWrite() && wide.isPresent()) {
                    problems.add("rw to " + wide.get());
                }
                if (c.has("no_root_squash")) {
                    problems.add("no_root_squash");
                }
                if (c.has("insecure")) {
                    problems.add("insecure");
                }
                if (problems.isEmpty()) {
                    continue;
                }
                out.add(new Evidence(x.path(), c.host(), null)
                        .with("problems", String.join("; ", problems))
                        .with("options", String.join(",", c.options()))
                        .with("file", x.file() + ":" + x.line())
                        .with("why a backup export", reason.get()));
            }
        }
        return out;
    }

    /** Describes the client specification when it stands for many hosts; empty for a host or a small network. */
    static Optional<String> wideness(String client, long maxV4, long maxV6) {
        if (client.equals("*")) {
            return Optional.of("everyone (*)");
        }
        int slash = client.indexOf('/');
        if (slash > 0 && !client.startsWith("gss/")) {
            String address = client.substring(0, slash);
            OptionalInt prefix = prefixLength(client.substring(slash + 1));
            if (prefix.isEmpty()) {
                return Optional.of("network " + client + " (mask not understood)");
            }
            boolean v6 = address.contains(":");
            if (prefix.getAsInt() <= (v6 ? maxV6 : maxV4)) {
                return Optional.of("wide network " + client + " (/" + prefix.getAsInt() + ")");
            }
            return Optional.empty();
        }
        if (!client.startsWith("@") && (client.contains("*") || client.contains("?"))) {
            return Optional.of("host wildcard " + client);
        }
        return Optional.empty();
    }

    private static OptionalInt prefixLength(String mask) {
        if (mask.matches("\\d{1,3}")) {
            return OptionalInt.of(Integer.parseInt(mask));
        }
        String[] parts = mask.split("\\.");
        if (parts.length != 4) {
            return OptionalInt.empty();
        }
        long bits = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                return OptionalInt.empty();
            }
            bits = (bits << 8) | Integer.parseInt(p);
        }
        int ones = Long.bitCount(bits);
        long expected = ones == 0 ? 0 : (0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL;
        return bits == expected ? OptionalInt.of(ones) : OptionalInt.empty();
    }
}
