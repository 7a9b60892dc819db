package fr.vigie.checks;

import fr.vigie.ruleset.Rule;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.DataSource;
import java.util.List;

/**
 * The outcome of one rule on one snapshot. Immutable.
 *
 * @param rule        the rule with its effective thresholds
 * @param status      pass, fail or not evaluated
 * @param evidence    what triggered a failure (empty otherwise)
 * @param missingData for a rule not evaluated, the directory collection steps it needed that are missing or
 *                    failed; for a host rule that failed on partial data, the incomplete ones (the evidence is then
 *                    a lower bound)
 * @param missingHostData for a host rule: "HOST" when no host snapshot was given, "DIRECTORY" when the rule needs
 *                    the directory snapshot and there is none, otherwise the names of the incomplete
 *                    {@link fr.vigie.snapshot.host.HostDataSource}s it reads; always empty for directory rules
 */
public record RuleResult(Rule rule, RuleStatus status, List<Evidence> evidence, List<DataSource> missingData,
                         List<String> missingHostData) {
    /** Marker in {@link #missingHostData()}: the audit was run without a host snapshot. */
    public static final String HOST = "HOST";
    /** Marker in {@link #missingHostData()}: the host rule needs a directory snapshot and none was given. */
    public static final String DIRECTORY = "DIRECTORY";

    public RuleResult {
        evidence = List.copyOf(evidence);
        missingData = List.copyOf(missingData);
        missingHostData = missingHostData == null ? List.of() : List.copyOf(missingHostData);
    }

    /** The outcome of a directory rule (no host data involved). */
    public RuleResult(Rule rule, RuleStatus status, List<Evidence> evidence, List<DataSource> missingData) {
        this(rule, status, evidence, missingData, List.of());
    }

    /** Every missing or incomplete source, directory then host, as names for display. */
    public List<String> missingSourceNames() {
        List<String> out = new java.util.ArrayList<>();
        missingData.forEach(d -> out.add(d.name()));
        out.addAll(missingHostData);
        return List.copyOf(out);
    }
}
