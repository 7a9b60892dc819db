package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.NamingContextMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A naming context whose last AD-aware backup is at least {@code maxAgeDays} days old but still younger than the
 * tombstone lifetime (older or missing backups are the rule backup-ad-never-or-too-old-for-restore's, not repeated
 * here): a restore would lose every change made since. PingCastle A-BackupMetadata (fails from 7 days).
 * B-AD-LastBackup.
 */
public final class AdBackupOld implements Check {
    @Override
    public String ruleId() {
        return "backup-ad-old";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.NAMING_CONTEXT_METADATA, DataSource.DIRECTORY_SERVICE);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long maxAge = context.threshold("maxAgeDays");
        int tsl = LastBackup.tombstoneLifetimeDays(snapshot.directoryService());
        List<Evidence> out = new ArrayList<>();
        for (NamingContextMetadata nc : snapshot.namingContexts()) {
            LastBackup last = LastBackup.of(nc);
            Optional<Long> age = last.ageDays(context);
            if (age.isPresent() && age.get() >= maxAge && age.get() < tsl) {
                out.add(last.evidence(context).with("maxAgeDays", maxAge)
                        .with("tombstoneLifetimeDays", LastBackup.describeTombstoneLifetime(snapshot.directoryService())));
            }
        }
        return out;
    }
}
