package fr.vigie.snapshot.host;

import java.util.Objects;
import java.util.Optional;

/**
 * A running process and its user. Command lines are deliberately not collected: backup tools are often started
 * with passwords or repository keys as arguments. Immutable.
 *
 * @param pid    process id
 * @param name   process name (OSHI {@code getName()})
 * @param path   executable path when readable; empty otherwise
 * @param user   user name (OSHI {@code getUser()}: "root", "CORP\svc-veeam", "svc@corp.local"); empty when unknown
 * @param userId numeric uid on Unix, SID on Windows (OSHI {@code getUserID()}); empty when unknown
 */
public record HostProcess(int pid, String name, String path, Optional<String> user, Optional<String> userId) {
    public HostProcess {
        Objects.requireNonNull(name, "name");
        path = Lists.text(path);
        user = Lists.opt(user);
        userId = Lists.opt(userId);
    }
}
