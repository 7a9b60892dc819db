package fr.vigie.agent.config;

import fr.vigie.agent.collect.host.HostScanConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Whether and how {@code vigie scan} inspects the host the agent runs on (the backup side of the audit), defaults
 * applied. Immutable.
 *
 * @param inspect         inspect the host (default true; {@code --no-host} / {@code no-host: true} turns it off)
 * @param backupLocations backup folders to scan for backups, their age and permissions (none by default: the rules
 *                        that need them are then "not evaluated")
 * @param backupSoftware  site-specific names of backup software, added to the built-in list
 * @param locationTimeout longest time the scan of one backup location may take (default
 *                        {@link #DEFAULT_LOCATION_TIMEOUT}); every other file and command of the host collection is
 *                        time-boxed by {@link HostScanConfig#defaults()}
 */
public record HostSettings(boolean inspect, List<Path> backupLocations, List<String> backupSoftware,
                           Duration locationTimeout) {
    public static final Duration DEFAULT_LOCATION_TIMEOUT = HostScanConfig.defaults().locationTimeout();

    /** No host inspection. */
    public static final HostSettings NONE = new HostSettings(false, List.of(), List.of(), DEFAULT_LOCATION_TIMEOUT);

    public HostSettings {
        backupLocations = List.copyOf(backupLocations);
        backupSoftware = List.copyOf(backupSoftware);
        Objects.requireNonNull(locationTimeout, "locationTimeout");
    }

    /** The collector's configuration: the standard system paths, these locations, names and time limit. */
    public HostScanConfig toScanConfig() {
        HostScanConfig d = HostScanConfig.defaults();
        return d.withBackupLocations(backupLocations).withExtraBackupSoftware(backupSoftware)
                .withTimeouts(locationTimeout, d.fileTimeout(), d.commandTimeout());
    }
}
