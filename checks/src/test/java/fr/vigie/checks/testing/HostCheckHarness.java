package fr.vigie.checks.testing;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.Rule;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one host check on a fixture with its rule from the built-in catalogue (default thresholds unless overridden). */
public final class HostCheckHarness {
    private HostCheckHarness() {}

    /** Without a directory snapshot. */
    public static List<Evidence> evaluate(HostCheck check, HostSnapshot host) {
        return evaluate(check, host, Optional.empty(), Map.of());
    }

    public static List<Evidence> evaluate(HostCheck check, HostSnapshot host, DirectorySnapshot directory) {
        return evaluate(check, host, Optional.of(directory), Map.of());
    }

    public static List<Evidence> evaluate(HostCheck check, HostSnapshot host, Map<String, Object> thresholds) {
        return evaluate(check, host, Optional.empty(), thresholds);
    }

    public static List<Evidence> evaluate(HostCheck check, HostSnapshot host, Optional<DirectorySnapshot> directory,
                                          Map<String, Object> thresholds) {
        Rule rule = CatalogueLoader.builtIn().rule(check.ruleId());
        if (!thresholds.isEmpty()) {
            Map<String, Object> effective = new LinkedHashMap<>(rule.thresholds());
            effective.putAll(thresholds);
            rule = rule.withThresholds(effective);
        }
        return check.evaluate(host, directory.map(DirectoryIndex::new), new HostCheckContext(host.collectedAt(), rule));
    }

    /** The objects (paths, mount points, DNs) of the evidence, for compact assertions. */
    public static List<String> objects(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::object).toList();
    }
}
