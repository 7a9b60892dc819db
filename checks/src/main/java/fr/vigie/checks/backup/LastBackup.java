package fr.vigie.checks.backup;

import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DirectoryServiceConfig;
import fr.vigie.snapshot.NamingContextMetadata;
import fr.vigie.snapshot.ReplAttributeMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last AD-aware backup of one naming context, read from the {@code dSASignature} entry (attribute id 0x2004A) of
 * the {@code replPropertyMetaData} of its head: every backup made through the directory's backup API (Windows Server
 * Backup, Veeam, Commvault... in "system state" or application-aware mode) rewrites dSASignature, so its last
 * originating change time is the time of the last backup (PingCastle A-BackupMetadata, {@code repadmin /showbackup}).
 *
 * <p>"Never backed up" is either no dSASignature entry at all (what Samba and some Windows DCs show), or an entry of
 * version 1 whose time is within {@link #CREATION_STAMP_TOLERANCE} of the naming context's own creation stamp (the
 * metadata entry of objectClass, attribute id 0): Windows writes that first dSASignature when it instantiates the
 * naming context, and any later backup raises the version to 2 or more. PingCastle reads that creation stamp as a
 * backup made when the domain was created; Vigie reports it as "never". When the objectClass entry is missing the
 * version-1 entry is taken at face value. Immutable.
 *
 * @param namingContext DN of the naming context
 * @param time          the time of the last backup; empty when never backed up
 * @param basis         in plain words, what the metadata showed
 */
record LastBackup(String namingContext, Optional<Instant> time, String basis) {
    /** How close a version-1 dSASignature must be to the naming context's creation to count as its creation stamp. */
    static final Duration CREATION_STAMP_TOLERANCE = Duration.ofHours(1);
    /** ATTRTYP of objectClass: its first originating write is the creation of the object. */
    static final int OBJECT_CLASS = 0;

    static LastBackup of(NamingContextMetadata nc) {
        Optional<ReplAttributeMetadata> signature = nc.attribute(ReplAttributeMetadata.DSA_SIGNATURE);
        if (signature.isEmpty()) {
            return new LastBackup(nc.dn(), Optional.empty(), "no dSASignature entry in replPropertyMetaData");
        }
        ReplAttributeMetadata s = signature.get();
        Optional<Instant> created = created(nc);
        if (s.version() == 1 && created.isPresent()
                && Duration.between(created.get(), s.originatingChangeTime()).abs()
                        .compareTo(CREATION_STAMP_TOLERANCE) <= 0) {
            return new LastBackup(nc.dn(), Optional.empty(), "dSASignature version 1 dated "
                    + BackupEstate.iso(s.originatingChangeTime())
                    + ", the stamp written when the naming context was created");
        }
        return new LastBackup(nc.dn(), Optional.of(s.originatingChangeTime()),
                "dSASignature version " + s.version() + " dated " + BackupEstate.iso(s.originatingChangeTime()));
    }

    /** The creation time of the naming-context head: the originating time of its objectClass, when present. */
    static Optional<Instant> created(NamingContextMetadata nc) {
        return nc.attribute(OBJECT_CLASS).filter(a -> a.version() == 1).map(ReplAttributeMetadata::originatingChangeTime);
    }

    /** The tombstone lifetime in days: {@code tombstoneLifetime}, or 60 when unset (or not positive). */
    static int tombstoneLifetimeDays(DirectoryServiceConfig config) {
        return config.tombstoneLifetimeDays().filter(d -> d > 0)
                .orElse(DirectoryServiceConfig.DEFAULT_TOMBSTONE_LIFETIME_DAYS);
    }

    /** "180 (tombstoneLifetime)" or "60 (default: tombstoneLifetime not set)". */
    static String describeTombstoneLifetime(DirectoryServiceConfig config) {
        int days = tombstoneLifetimeDays(config);
        return config.tombstoneLifetimeDays().filter(d -> d > 0).isPresent()
                ? days + " (tombstoneLifetime)"
                : days + " (default: tombstoneLifetime not set)";
    }

    /** Whole days since the last backup, as of the snapshot; empty when never backed up. */
    Optional<Long> ageDays(CheckContext context) {
        return time.map(context::daysSince);
    }

    /** Evidence for this naming context: DN, last backup (or "never"), age, how it was read. */
    Evidence evidence(CheckContext context) {
        return new Evidence(namingContext, "", null)
                .with("lastBackup", time.map(BackupEstate::iso).orElse("never"))
                .with("ageDays", ageDays(context).map(String::valueOf).orElse("n/a (never backed up)"))
                .with("basis", basis);
    }
}
