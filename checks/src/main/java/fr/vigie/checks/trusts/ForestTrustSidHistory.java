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
 * Outbound forest trusts (FOREST_TRANSITIVE) with TREAT_AS_EXTERNAL: SID history is accepted across the trust, so an
 * administrator of the other forest can present SIDs of this forest's accounts (RIDs of 1000 and more) and act as
 * them here. ANSSI vuln_trusts_forest_sidhistory.
 */
public final class ForestTrustSidHistory implements Check {
    @Override
    public String ruleId() {
        return "trust-forest-sid-history";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.TRUSTS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.trusts().stream()
                .filter(t -> t.isOutbound() && t.hasAttribute(Trust.FOREST_TRANSITIVE)
                        && t.hasAttribute(Trust.TREAT_AS_EXTERNAL))
                .map(TrustEvidence::of)
                .toList();
    }
}
