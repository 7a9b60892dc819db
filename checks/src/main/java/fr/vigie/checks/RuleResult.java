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
 * @param missingData for a rule not evaluated, the collection steps it needed that are missing or failed
 */
public record RuleResult(Rule rule, RuleStatus status, List<Evidence> evidence, List<DataSource> missingData) {
    public RuleResult {
        evidence = List.copyOf(evidence);
        missingData = List.copyOf(missingData);
    }
}
