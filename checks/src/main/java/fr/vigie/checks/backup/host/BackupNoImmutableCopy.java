package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Informative: no backup the agent can see is immutable (no file with the immutable attribute, {@code chattr +i},
 * as a Veeam hardened repository sets it) and no offline medium (tape drive) is attached. The agent cannot prove
 * the absence of an offline copy (tapes in a safe, a removable disk, an off-site or object-lock copy): the evidence
 * says so, and the administrator confirms. Only concluded on a complete scan of the backup locations.
 */
public final class BackupNoImmutableCopy implements HostCheck {
    /** The sentence every finding of this rule carries. */
    public static final String CANNOT_PROVE = "the agent cannot prove the absence of an offline copy (tape, "
            + "removable disk, off-site or object-lock storage): check that one exists and is tested";

    @Override
    public String ruleId() {
        return "backup-no-immutable-copy";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.BACKUP_LOCATIONS);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        boolean complete = host.step(HostDataSource.BACKUP_LOCATIONS).map(s -> s.isComplete()).orElse(false);
        if (!complete || !host.offlineMedia().isEmpty()) {
            return List.of();
        }
        long backups = 0;
        long flagRead = 0;
        List<String> locations = new ArrayList<>();
        for (BackupLocation l : host.backupLocations()) {
            locations.add(l.path());
            for (BackupItem i : l.items()) {
                if (!i.kind().isBackup()) {
                    continue;
                }
                backups++;
                if (i.immutable().isPresent()) {
                    flagRead++;
                    if (i.immutable().get()) {
                        return List.of();
                    }
                }
            }
        }
        return List.of(new Evidence(host.hostName().isEmpty() ? "(this host)" : host.hostName(), "", null)
                .with("locations", String.join(", ", locations))
                .with("backups scanned", backups)
                .with("immutable attribute read on", flagRead + " of " + backups)
                .with("immutable backups", 0)
                .with("offline media attached", "none")
                .with("limit", CANNOT_PROVE));
    }
}
