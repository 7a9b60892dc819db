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
 * Outbound trusts to a domain outside the forest (external trusts: neither WITHIN_FOREST nor FOREST_TRANSITIVE)
 * without SID filtering (QUARANTINED_DOMAIN not set): an administrator of the trusted domain can forge tickets
 * carrying SIDs of this domain (Domain Admins) in their SID history and become administrator here.
 * ANSSI vuln_trusts_domain_notfiltered.
 */
public final class SidFilteringDisabled implements Check {
    @Override
    public String ruleId() {
        return "trust-sid-filtering-disabled";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.TRUSTS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.trusts().stream()
                .filter(t -> t.isOutbound() && !t.hasAttribute(Trust.WITHIN_FOREST)
                        && !t.hasAttribute(Trust.FOREST_TRANSITIVE) && !t.hasAttribute(Trust.QUARANTINED_DOMAIN))
                .map(TrustEvidence::of)
                .toList();
    }
}
