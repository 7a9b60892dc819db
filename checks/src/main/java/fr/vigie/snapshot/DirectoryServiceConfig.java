package fr.vigie.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Forest-wide settings of the configuration partition. Immutable.
 *
 * @param dsHeuristics              {@code dSHeuristics} of CN=Directory Service,CN=Windows NT,CN=Services
 * @param tombstoneLifetimeDays     {@code tombstoneLifetime} (empty when unset: AD then uses 60 days)
 * @param deletedObjectLifetimeDays {@code msDS-DeletedObjectLifetime}
 * @param enabledOptionalFeatures   {@code msDS-EnabledFeature} of CN=Partitions (DNs of enabled optional features)
 */
public record DirectoryServiceConfig(
        Optional<String> dsHeuristics,
        Optional<Integer> tombstoneLifetimeDays,
        Optional<Integer> deletedObjectLifetimeDays,
        List<String> enabledOptionalFeatures) {
    /** tombstoneLifetime when the attribute is unset. */
    public static final int DEFAULT_TOMBSTONE_LIFETIME_DAYS = 60;

    public DirectoryServiceConfig {
        dsHeuristics = Snapshots.opt(dsHeuristics);
        tombstoneLifetimeDays = Snapshots.opt(tombstoneLifetimeDays);
        deletedObjectLifetimeDays = Snapshots.opt(deletedObjectLifetimeDays);
        enabledOptionalFeatures = Snapshots.list(enabledOptionalFeatures);
    }

    public static DirectoryServiceConfig empty() {
        return new DirectoryServiceConfig(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** The Recycle Bin optional feature is enabled. */
    public boolean recycleBinEnabled() {
        return enabledOptionalFeatures.stream().anyMatch(dn -> dn.toLowerCase(java.util.Locale.ROOT)
                .startsWith("cn=recycle bin feature,"));
    }
}
