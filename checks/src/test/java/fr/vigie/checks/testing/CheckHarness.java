package fr.vigie.checks.testing;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.Rule;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one check on a fixture with its rule from the built-in catalogue (default thresholds unless overridden). */
public final class CheckHarness {
    private CheckHarness() {}

    public static List<Evidence> evaluate(Check check, DirectorySnapshot snapshot) {
        return evaluate(check, snapshot, Map.of());
    }

    /** With some thresholds overridden, e.g. {@code Map.of("inactiveDays", 90L)}. */
    public static List<Evidence> evaluate(Check check, DirectorySnapshot snapshot, Map<String, Object> thresholds) {
        Rule rule = CatalogueLoader.builtIn().rule(check.ruleId());
        if (!thresholds.isEmpty()) {
            Map<String, Object> effective = new LinkedHashMap<>(rule.thresholds());
            effective.putAll(thresholds);
            rule = rule.withThresholds(effective);
        }
        return check.evaluate(snapshot, new CheckContext(snapshot.collectedAt(), rule, new DirectoryIndex(snapshot)));
    }

    /** Names (sAMAccountName, or object when no name) of the evidence, for compact assertions. */
    public static List<String> names(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.name().isEmpty() ? e.object() : e.name()).toList();
    }
}
