package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.HostProcess;
import fr.vigie.snapshot.host.HostService;
import fr.vigie.snapshot.host.MountedFileSystem;
import fr.vigie.snapshot.host.OsFamily;
import fr.vigie.snapshot.host.OsInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OSService;
import oshi.software.os.OperatingSystem;

/**
 * The portable host facts through OSHI: OS, host name, processes with their user, services and file stores.
 * Command lines are not read. Not thread-safe: one per collection.
 */
final class OshiHostSource {
    private final SystemInfo system = new SystemInfo();
    private final OperatingSystem os = system.getOperatingSystem();

    static OsFamily family() {
        return switch (SystemInfo.getCurrentPlatform()) {
            case LINUX -> OsFamily.LINUX;
            case WINDOWS -> OsFamily.WINDOWS;
            case MACOS -> OsFamily.MACOS;
            default -> OsFamily.OTHER;
        };
    }

    static boolean isPlatform(PlatformEnum p) {
        return SystemInfo.getCurrentPlatform() == p;
    }

    OsInfo osInfo() {
        return new OsInfo(family(), os.getFamily(), os.getVersionInfo().toString());
    }

    String hostName() {
        return os.getNetworkParams().getHostName();
    }

    List<HostProcess> processes() {
        List<HostProcess> out = new ArrayList<>();
        for (OSProcess p : os.getProcesses()) {
            out.add(new HostProcess(p.getProcessID(), p.getName(), p.getPath(), nonBlank(p.getUser()),
                    nonBlank(p.getUserID())));
        }
        return out;
    }

    /** Services; on Linux the account is the user of the service's main process when it runs. */
    List<HostService> services(List<HostProcess> processes) {
        List<HostService> out = new ArrayList<>();
        for (OSService s : os.getServices()) {
            int pid = s.getProcessID();
            Optional<String> user = pid > 0 ? processes.stream().filter(p -> p.pid() == pid).findFirst()
                    .flatMap(HostProcess::user) : Optional.empty();
            out.add(new HostService(s.getName(), s.getName(), s.getState().name(), user,
                    pid > 0 ? Optional.of(pid) : Optional.empty()));
        }
        return out;
    }

    /**
     * File stores (mounts) as OSHI sees them. On Linux OSHI queries each file system's size: call it time-boxed.
     */
    List<MountedFileSystem> fileStores() {
        List<MountedFileSystem> out = new ArrayList<>();
        for (OSFileStore fs : system.getOperatingSystem().getFileSystem().getFileStores()) {
            List<String> options = List.of(fs.getOptions().split(","));
            out.add(new MountedFileSystem(fs.getMount(), fs.getType(), fs.getVolume(), options.contains("ro"),
                    options, Optional.empty(), "oshi"));
        }
        return out;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() || s.equals("unknown") ? Optional.empty() : Optional.of(s);
    }
}
