package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Backup servers ({@link BackupEstate#servers}: the site's inventory plus name heuristics) whose enabled computer
 * account is in the audited (production) domain: a domain administrator, or an attacker who became one, is then an
 * administrator of the backup server and can erase the backups. Veeam BackupServerInProductionDomain; ANSSI
 * segregation of administration; B-AD-BackupServerJoined.
 */
public final class BackupServerDomainJoined implements Check {
    @Override
    public String ruleId() {
        return "backup-server-domain-joined";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return BackupEstate.servers(snapshot, context).stream().map(m -> {
            Account a = m.account();
            return m.evidence()
                    .with("dNSHostName", a.computer().flatMap(ComputerInfo::dnsHostName).orElse("not set"))
                    .with("operatingSystem", a.computer().flatMap(ComputerInfo::operatingSystem).orElse("unknown"))
                    .with("lastLogonTimestamp", a.lastLogonTimestamp().map(BackupEstate::iso).orElse("never"));
        }).toList();
    }
}
