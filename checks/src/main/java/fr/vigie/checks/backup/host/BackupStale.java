package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.LocationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A configured backup location holds no backup newer than {@code maxAgeHours} (default 48), or no backup at all:
 * the backup job has stopped, or writes elsewhere. Each configured location is judged on its own, so that a daily
 * job that stopped is not hidden by another location's recent copy. A location that could not be read (missing,
 * permission denied, timed out) proves nothing and is not reported here: its collection step is incomplete, which
 * makes the rule "not evaluated" when nothing else is found. A location read only in part is reported stale only
 * when what was read holds an old backup.
 */
public final class BackupStale implements HostCheck {
    @Override
    public String ruleId() {
        return "backup-stale";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.BACKUP_LOCATIONS);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        long maxHours = context.threshold("maxAgeHours");
        Duration max = Duration.ofHours(maxHours);
        List<Evidence> out = new ArrayList<>();
        for (BackupLocation l : host.backupLocations()) {
            if (!l.configured() || !l.status().readable()) {
                continue;
            }
            if (l.newestModified().isEmpty()) {
                if (l.status() == LocationStatus.SCANNED) {
                    out.add(new Evidence(l.path(), "", null)
                            .with("problem", "no backup found (known formats: Veeam, SQL .bak, Acronis, "
                                    + "Windows image, borg, restic...)")
                            .with("entries scanned", String.valueOf(l.items().size())));
                }
                continue;
            }
            Duration age = Duration.between(l.newestModified().get(), context.asOf());
            if (age.compareTo(max) > 0) {
                out.add(new Evidence(l.path(), "", null)
                        .with("problem", "newest backup older than " + maxHours + " h")
                        .with("newest backup", l.newestPath().orElse("?"))
                        .with("modified", l.newestModified().get())
                        .with("age (hours)", age.toHours())
                        .with("backups found", l.backupCount()));
            }
        }
        return out;
    }
}
