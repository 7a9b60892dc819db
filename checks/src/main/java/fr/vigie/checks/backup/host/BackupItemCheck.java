package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The checks "scanned backup items that are open to too many": each subclass names its rule and says, in one pure
 * hook, what is wrong with one item. Evidence: one per item with a problem, in scan order ({@link ItemEvidence} then
 * {@code problem}, the item's problems joined by {@code "; "}), capped by {@link CappedEvidence}. Stateless;
 * subclasses must be too.
 */
abstract class BackupItemCheck implements HostCheck {
    private final String what;

    /** @param what plural noun of the summary past the cap, e.g. "world-readable backup files" */
    BackupItemCheck(String what) {
        this.what = what;
    }

    @Override
    public final List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory,
                                         HostCheckContext context) {
        CappedEvidence out = new CappedEvidence(what);
        for (BackupLocation l : host.backupLocations()) {
            for (BackupItem i : l.items()) {
                List<String> why = problems(i);
                if (!why.isEmpty()) {
                    out.add(ItemEvidence.of(i, l).with("problem", String.join("; ", why)));
                }
            }
        }
        return out.list();
    }

    /** What is wrong with the item, in display order; empty when nothing. Pure. */
    abstract List<String> problems(BackupItem item);
}
