package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.SambaShare;
import fr.vigie.snapshot.host.WindowsShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A share holding backups can be written by nearly everybody: a Samba share that is writable by guests, by any
 * authenticated user (no {@code valid users}) or by a wide group ({@code @users}, {@code @"Domain Users"}, listed in
 * {@code wideGroups}); a Windows share whose share ACL or NTFS ACL gives write, modify or full control to Everyone,
 * Authenticated Users, Users, Guests, Domain Users, Domain Guests or Domain Computers. Any infected workstation can
 * then encrypt or delete the backups.
 */
public final class BackupShareOpenWrite implements HostCheck {
    @Override
    public String ruleId() {
        return "backup-share-open-write";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.SAMBA_SHARES, HostDataSource.WINDOWS_SHARES);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        List<String> patterns = context.listThreshold("backupPatterns");
        List<String> wideGroups = context.listThreshold("wideGroups").stream()
                .map(g -> g.toLowerCase(Locale.ROOT)).toList();
        List<Evidence> out = new ArrayList<>();
        for (SambaShare s : host.sambaShares()) {
            if ("no".equalsIgnoreCase(s.parameters().getOrDefault("available", "yes"))) {
                continue;
            }
            Optional<String> reason = BackupTargets.reason(s.name(), s.path(), host, patterns);
            if (reason.isEmpty()) {
                continue;
            }
            List<String> writers = sambaWriters(s, wideGroups);
            if (!writers.isEmpty()) {
                out.add(new Evidence(s.path().isEmpty() ? "[" + s.name() + "]" : s.path(), s.name(), null)
                        .with("server", "Samba")
                        .with("who can write", String.join("; ", writers))
                        .with("guest ok", yes(s.guestOk()))
                        .with("read only", yes(!s.writable()))
                        .with("valid users", s.validUsers().isEmpty() ? "(any user)" : String.join(", ", s.validUsers()))
                        .with("write list", String.join(", ", s.writeList()))
                        .with("why a backup share", reason.get()));
            }
        }
        for (WindowsShare s : host.windowsShares()) {
            if (!s.isOrdinaryDiskShare()) {
                continue;
            }
            Optional<String> reason = BackupTargets.reason(s.name(), s.path(), host, patterns);
            if (reason.isEmpty()) {
                continue;
            }
            List<String> shareWriters = WideTrustees.granting(s.shareAcl(), AccessRights::grantsWrite);
            List<String> ntfsWriters = WideTrustees.granting(s.ntfsAcl(), AccessRights::grantsWrite);
            if (shareWriters.isEmpty() && ntfsWriters.isEmpty()) {
                continue;
            }
            Evidence e = new Evidence(s.path(), s.name(), null).with("server", "Windows");
            if (!shareWriters.isEmpty()) {
                e = e.with("share ACL grants write to", String.join("; ", shareWriters));
            }
            if (!ntfsWriters.isEmpty()) {
                e = e.with("NTFS ACL grants write to", String.join("; ", ntfsWriters));
            }
            e = e.with("layer", !shareWriters.isEmpty() && !ntfsWriters.isEmpty()
                    ? "share and NTFS: effective write access"
                    : !shareWriters.isEmpty() ? "share ACL only (NTFS still restricts)" : "NTFS ACL only (share ACL still restricts)");
            if (!s.notes().isEmpty()) {
                e = e.with("notes", String.join("; ", s.notes()));
            }
            out.add(e.with("why a backup share", reason.get()));
        }
        return out;
    }

    /** Who, among the wide populations, may write to the share. */
    static List<String> sambaWriters(SambaShare s, List<String> wideGroups) {
        List<String> writers = new ArrayList<>();
        if (s.writable()) {
            if (s.guestOk()) {
                writers.add("guests (guest ok = yes, read only = no)");
            }
            if (s.validUsers().isEmpty()) {
                writers.add("any authenticated user (no valid users)");
            } else {
                for (String v : s.validUsers()) {
                    if (isWide(v, wideGroups) && !s.readList().contains(v)) {
                        writers.add("valid users " + v);
                    }
                }
            }
        }
        for (String w : s.writeList()) {
            if (isWide(w, wideGroups) && (s.validUsers().isEmpty() || s.validUsers().contains(w))) {
                writers.add("write list " + w);
            }
        }
        return writers;
    }

    /** True when a Samba user-list entry names one of the wide groups ({@code @users}, {@code +"DOM\Domain Users"}). */
    static boolean isWide(String entry, List<String> wideGroups) {
        String e = entry.strip();
        while (!e.isEmpty() && "@+&".indexOf(e.charAt(0)) >= 0) {
            e = e.substring(1);
        }
        e = e.replace("\"", "");
        int sep = Math.max(e.lastIndexOf('\\'), e.lastIndexOf('/'));
        if (sep >= 0) {
            e = e.substring(sep + 1);
        }
        e = e.toLowerCase(Locale.ROOT);
        return wideGroups.contains(e);
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
