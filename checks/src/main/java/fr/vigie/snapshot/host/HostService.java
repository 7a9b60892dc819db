package fr.vigie.snapshot.host;

import java.util.Objects;
import java.util.Optional;

/**
 * A service of the host and the account it runs as. Immutable.
 *
 * @param name        service name (Windows service key name, systemd unit without ".service")
 * @param displayName display name; may equal the name
 * @param state       RUNNING, STOPPED or OTHER (OSHI {@code OSService.State})
 * @param account     the account it runs as: Windows {@code QueryServiceConfig} lpServiceStartName
 *                    ("LocalSystem", "NT AUTHORITY\LocalService", "CORP\svc-veeam"); on Linux the user of the
 *                    service's main process; empty when unknown (e.g. a stopped Linux service)
 * @param pid         main process id when running
 */
public record HostService(String name, String displayName, String state, Optional<String> account,
                          Optional<Integer> pid) {
    public HostService {
        Objects.requireNonNull(name, "name");
        displayName = Lists.text(displayName);
        state = Lists.text(state);
        account = Lists.opt(account);
        pid = Lists.opt(pid);
    }
}
