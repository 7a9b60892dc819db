package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupLocation;
import java.util.Locale;

/** The common evidence of one scanned backup item: path, kind, format, permissions, owner, location. */
final class ItemEvidence {
    private ItemEvidence() {}

    static Evidence of(BackupItem i, BackupLocation l) {
        Evidence e = new Evidence(i.path(), "", null)
                .with("kind", i.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .with("format", i.format());
        if (i.permissions().isPresent()) {
            e = e.with("permissions", i.permissions().get());
        }
        e = e.with("owner", i.owner().orElse("?") + ":" + i.group().orElse("?"));
        return e.with("location", l.path());
    }
}
