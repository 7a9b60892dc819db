package fr.vigie.checks;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.Rule;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.ruleset.score.Scorer;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every check of the registry against a snapshot and scores the outcome: snapshot -&gt; findings -&gt; score.
 * The membership index is built once. A rule whose data is missing is "not evaluated", never a pass.
 * Thread-safe: holds only immutable state.
 */
public final class Audit {
    private final Catalogue catalogue;
    private final Map<String, Check> checks;

    /**
     * @throws IllegalStateException when a rule of the catalogue has no check, or a check has no rule
     */
    public Audit(Catalogue catalogue, List<Check> checks) {
        this.catalogue = catalogue;
        this.checks = CheckRegistry.byRuleId(checks);
        for (Rule r : catalogue.rules()) {
            if (!this.checks.containsKey(r.id())) {
                throw new IllegalStateException("rule " + r.id() + " of catalogue " + catalogue.version()
                        + " has no check");
            }
        }
        for (String id : this.checks.keySet()) {
            if (catalogue.find(id).isEmpty()) {
                throw new IllegalStateException("check for " + id + " has no rule in catalogue " + catalogue.version());
            }
        }
    }

    public Audit(Catalogue catalogue) {
        this(catalogue, CheckRegistry.all());
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public AuditResult run(DirectorySnapshot snapshot) {
        DirectoryIndex index = new DirectoryIndex(snapshot);
        Set<DataSource> complete = snapshot.completeSources();
        List<RuleResult> results = new ArrayList<>();
        Map<String, RuleStatus> outcomes = new LinkedHashMap<>();
        for (Rule rule : catalogue.rules()) {
            Check check = checks.get(rule.id());
            List<DataSource> missing = check.requires().stream().filter(s -> !complete.contains(s)).sorted().toList();
            RuleResult result;
            if (!missing.isEmpty()) {
                result = new RuleResult(rule, RuleStatus.NOT_EVALUATED, List.of(), missing);
            } else {
                List<Evidence> evidence = check.evaluate(snapshot, new CheckContext(snapshot.collectedAt(), rule, index));
                result = new RuleResult(rule, evidence.isEmpty() ? RuleStatus.PASS : RuleStatus.FAIL, evidence, List.of());
            }
            results.add(result);
            outcomes.put(rule.id(), result.status());
        }
        return new AuditResult(results, new Scorer(catalogue).score(outcomes));
    }
}
