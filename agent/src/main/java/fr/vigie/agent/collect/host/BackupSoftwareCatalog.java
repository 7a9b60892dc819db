package fr.vigie.agent.collect.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Known backup products and the process, service and package names that reveal them. A name matches a product when
 * it contains one of its distinctive tokens, or equals one of its short names (daemons such as {@code cvd} or
 * {@code bpcd} that would match too much as substrings). Immutable and thread-safe.
 */
final class BackupSoftwareCatalog {
    record Product(String name, List<String> contains, List<String> exact) {}

    static final List<Product> KNOWN = List.of(
            new Product("Veeam", List.of("veeam"), List.of()),
            new Product("Borg", List.of("borgbackup", "borgmatic", "borg-"), List.of("borg")),
            new Product("restic", List.of("restic"), List.of()),
            new Product("Bacula", List.of("bacula"), List.of()),
            new Product("Bareos", List.of("bareos"), List.of()),
            new Product("UrBackup", List.of("urbackup"), List.of()),
            new Product("Duplicati", List.of("duplicati"), List.of()),
            new Product("Duplicity", List.of("duplicity", "deja-dup"), List.of()),
            new Product("rsnapshot", List.of("rsnapshot"), List.of()),
            new Product("BackupPC", List.of("backuppc"), List.of()),
            new Product("Amanda", List.of("amanda"), List.of("amandad")),
            new Product("Proxmox Backup", List.of("proxmox-backup"), List.of()),
            new Product("Commvault", List.of("commvault", "galaxy"), List.of("cvd", "cvfwd", "cvlaunchd", "evmgrc")),
            new Product("Veritas NetBackup", List.of("netbackup", "bpbkar"), List.of("bpcd", "vnetd", "bpinetd",
                    "nbdisco", "bpbrm")),
            new Product("Arcserve", List.of("arcserve", "casad2dwebsvc"), List.of()),
            new Product("Acronis", List.of("acronis"), List.of("mms")),
            new Product("IBM Spectrum Protect (TSM)", List.of("dsmcad", "tivsm", "dsmsvc"), List.of("dsmc")),
            new Product("Rubrik", List.of("rubrik"), List.of()),
            new Product("Cohesity", List.of("cohesity"), List.of()),
            new Product("Nakivo", List.of("nakivo"), List.of()),
            new Product("Altaro", List.of("altaro"), List.of()),
            new Product("Macrium Reflect", List.of("macrium"), List.of()),
            new Product("Kopia", List.of("kopia"), List.of()),
            new Product("Windows Server Backup", List.of("wbengine"), List.of("wbadmin")),
            new Product("Synology Active Backup", List.of("activebackup"), List.of()));

    private final List<Product> products;

    /** @param extraNames site-specific names (process, service or package), each its own product */
    BackupSoftwareCatalog(List<String> extraNames) {
        List<Product> all = new ArrayList<>(KNOWN);
        for (String n : extraNames) {
            all.add(new Product(n, List.of(n.toLowerCase(Locale.ROOT)), List.of()));
        }
        this.products = List.copyOf(all);
    }

    /** The product a process, service or package name belongs to (the executable's extension ignored). */
    Optional<String> match(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String base = n.endsWith(".exe") ? n.substring(0, n.length() - 4) : n;
        for (Product p : products) {
            if (p.exact().contains(base)) {
                return Optional.of(p.name());
            }
            for (String token : p.contains()) {
                if (base.contains(token)) {
                    return Optional.of(p.name());
                }
            }
        }
        return Optional.empty();
    }
}
