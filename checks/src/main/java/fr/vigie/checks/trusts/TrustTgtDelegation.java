package fr.vigie.checks.trusts;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Trust;
import java.util.List;
import java.util.Set;

/**
 * Trusts with CROSS_ORGANIZATION_ENABLE_TGT_DELEGATION: the TGTs of this domain's users are forwarded to servers of
 * the other forest trusted for unconstrained delegation, so a compromised server over there collects them (domain
 * admins included). ANSSI vuln_trusts_tgt_deleg.
 */
public final class TrustTgtDelegation implements Check {
    @Override
    public String ruleId() {
        return "trust-tgt-delegation";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.TRUSTS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.trusts().stream()
                .filter(t -> t.hasAttribute(Trust.CROSS_ORGANIZATION_ENABLE_TGT_DELEGATION))
                .map(TrustEvidence::of)
                .toList();
    }
}
