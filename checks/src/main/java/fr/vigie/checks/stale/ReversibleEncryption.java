package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Uac;
import java.util.List;
import java.util.Set;

/**
 * Enabled accounts with ENCRYPTED_TEXT_PWD_ALLOWED: at its next change their password is stored in a reversible
 * form, readable in clear by whoever gets a copy of the directory database or replicates it.
 */
public final class ReversibleEncryption implements Check {
    @Override
    public String ruleId() {
        return "reversible-encryption";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> a.enabled() && a.has(Uac.ENCRYPTED_TEXT_PWD_ALLOWED))
                .map(a -> Evidence.of(a).with("userAccountControl", Uac.describe(a.userAccountControl())))
                .toList();
    }
}
