package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.NamingContextMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A naming context (domain, configuration, schema, DNS application partitions) that was never backed up through the
 * directory's backup API, or whose last backup is at least as old as the tombstone lifetime: such a backup must not
 * be restored (objects deleted since would come back as "lingering objects"), so the directory cannot be rebuilt
 * from backup after ransomware destroys the domain controllers. One evidence per naming context; see
 * {@link LastBackup} for how "never" is read. B-AD-BackupVsTSL / B-AD-LastBackup.
 */
public final class AdBackupTooOldForRestore implements Check {
    @Override
    public String ruleId() {
        return "backup-ad-never-or-too-old-for-restore";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.NAMING_CONTEXT_METADATA, DataSource.DIRECTORY_SERVICE);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        int tsl = LastBackup.tombstoneLifetimeDays(snapshot.directoryService());
        String tslText = LastBackup.describeTombstoneLifetime(snapshot.directoryService());
        if (snapshot.namingContexts().isEmpty()) {
            // the step finished but read no naming context: no backup can be shown, and a pass would be a false clean
            return List.of(new Evidence(snapshot.domain().dn(), "", null)
                    .with("lastBackup", "unknown: no naming-context metadata was collected")
                    .with("tombstoneLifetimeDays", tslText));
        }
        List<Evidence> out = new ArrayList<>();
        for (NamingContextMetadata nc : snapshot.namingContexts()) {
            LastBackup last = LastBackup.of(nc);
            boolean unusable = last.ageDays(context).map(age -> age >= tsl).orElse(true);
            if (unusable) {
                out.add(last.evidence(context).with("tombstoneLifetimeDays", tslText));
            }
        }
        return out;
    }
}
