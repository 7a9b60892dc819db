package fr.vigie.checks;

import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.ruleset.score.Score;
import java.util.List;

/**
 * Every rule's outcome and the resulting score. Immutable.
 *
 * @param results one per rule of the catalogue, in catalogue order
 * @param score   the score computed from them
 */
public record AuditResult(List<RuleResult> results, Score score) {
    public AuditResult {
        results = List.copyOf(results);
    }

    public List<RuleResult> failing() {
        return results.stream().filter(r -> r.status() == RuleStatus.FAIL).toList();
    }

    public List<RuleResult> notEvaluated() {
        return results.stream().filter(r -> r.status() == RuleStatus.NOT_EVALUATED).toList();
    }
}
