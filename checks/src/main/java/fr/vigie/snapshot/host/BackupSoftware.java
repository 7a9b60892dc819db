package fr.vigie.snapshot.host;

import java.util.Objects;
import java.util.Optional;

/**
 * One piece of backup software found on the host. Immutable.
 *
 * @param product  product name ("Veeam", "Bareos", "restic", ...)
 * @param kind     how it was found
 * @param name     the process, service or package name that matched
 * @param account  the account the process or service runs as; empty for a package or when unknown
 * @param userId   the account's SID (Windows) or uid (Unix) when known
 */
public record BackupSoftware(String product, DetectionKind kind, String name, Optional<String> account,
                             Optional<String> userId) {
    public BackupSoftware {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(kind, "kind");
        name = Lists.text(name);
        account = Lists.opt(account);
        userId = Lists.opt(userId);
    }
}
