package fr.vigie.checks;

import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.Rule;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.ruleset.score.Scorer;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every check of the registry against a snapshot and scores the outcome: snapshot -&gt; findings -&gt; score.
 * The membership index is built once. A rule whose data is missing is "not evaluated", never a pass.
 *
 * <p>Host rules (implemented by {@link HostCheck}s) are evaluated on the host snapshot when one is given
 * ({@link #run(DirectorySnapshot, Optional)}); without one they are "not evaluated" with missing data
 * {@link RuleResult#HOST}. With one: evidence found -&gt; fail (even on partial data, whose incomplete sources are
 * then listed); nothing found while a source the check reads is incomplete -&gt; not evaluated; otherwise pass.
 *
 * <p>Thread-safe: holds only immutable state.
 */
public final class Audit {
    private final Catalogue catalogue;
    private final Map<String, Check> checks;
    private final Map<String, HostCheck> hostChecks;

    /**
     * @throws IllegalStateException when a rule of the catalogue has no check (directory or host), a check has no
     *                               rule, or a rule is claimed by both a directory and a host check
     */
    public Audit(Catalogue catalogue, List<Check> checks, List<HostCheck> hostChecks) {
        this.catalogue = catalogue;
        this.checks = CheckRegistry.byRuleId(checks);
        this.hostChecks = CheckRegistry.hostByRuleId(hostChecks);
        for (String id : this.hostChecks.keySet()) {
            if (this.checks.containsKey(id)) {
                throw new IllegalStateException("rule " + id + " has both a directory check and a host check");
            }
        }
        for (Rule r : catalogue.rules()) {
            if (!this.checks.containsKey(r.id()) && !this.hostChecks.containsKey(r.id())) {
                throw new IllegalStateException("rule " + r.id() + " of catalogue " + catalogue.version()
                        + " has no check");
            }
        }
        List<String> ids = new ArrayList<>(this.checks.keySet());
        ids.addAll(this.hostChecks.keySet());
        for (String id : ids) {
            if (catalogue.find(id).isEmpty()) {
                throw new IllegalStateException("check for " + id + " has no rule in catalogue " + catalogue.version());
            }
        }
    }

    /** Directory checks only (a catalogue without host rules, e.g. in tests of a few rules). */
    public Audit(Catalogue catalogue, List<Check> checks) {
        this(catalogue, checks, List.of());
    }

    public Audit(Catalogue catalogue) {
        this(catalogue, CheckRegistry.all(), CheckRegistry.hostChecks());
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Audits the directory alone: host rules are "not evaluated" (missing {@link RuleResult#HOST}). */
    public AuditResult run(DirectorySnapshot snapshot) {
        return run(snapshot, Optional.empty());
    }

    /** Audits the directory and, when given, the host the agent collected. */
    public AuditResult run(DirectorySnapshot snapshot, Optional<HostSnapshot> host) {
        DirectoryIndex index = new DirectoryIndex(snapshot);
        Set<DataSource> complete = snapshot.completeSources();
        List<RuleResult> results = new ArrayList<>();
        Map<String, RuleStatus> outcomes = new LinkedHashMap<>();
        for (Rule rule : catalogue.rules()) {
            Check check = checks.get(rule.id());
            RuleResult result;
            if (check == null) {
                result = runHost(hostChecks.get(rule.id()), rule, Optional.of(index), complete, host);
            } else {
                List<DataSource> missing = check.requires().stream().filter(s -> !complete.contains(s)).sorted()
                        .toList();
                if (!missing.isEmpty()) {
                    result = new RuleResult(rule, RuleStatus.NOT_EVALUATED, List.of(), missing);
                } else {
                    List<Evidence> evidence = check.evaluate(snapshot,
                            new CheckContext(snapshot.collectedAt(), rule, index));
                    result = new RuleResult(rule, evidence.isEmpty() ? RuleStatus.PASS : RuleStatus.FAIL, evidence,
                            List.of());
                }
            }
            results.add(result);
            outcomes.put(rule.id(), result.status());
        }
        return new AuditResult(results, new Scorer(catalogue).score(outcomes));
    }

    private static RuleResult runHost(HostCheck check, Rule rule, Optional<DirectoryIndex> directory,
                                      Set<DataSource> directoryComplete, Optional<HostSnapshot> host) {
        if (host.isEmpty()) {
            return new RuleResult(rule, RuleStatus.NOT_EVALUATED, List.of(), List.of(), List.of(RuleResult.HOST));
        }
        if (!check.requiresDirectory().isEmpty() && directory.isEmpty()) {
            return new RuleResult(rule, RuleStatus.NOT_EVALUATED, List.of(), List.of(),
                    List.of(RuleResult.DIRECTORY));
        }
        HostSnapshot h = host.get();
        Set<HostDataSource> hostComplete = h.completeSources();
        List<String> missingHost = check.requires().stream().filter(s -> !hostComplete.contains(s)).sorted()
                .map(Enum::name).toList();
        List<DataSource> missingDirectory = check.requiresDirectory().stream()
                .filter(s -> !directoryComplete.contains(s)).sorted().toList();
        List<Evidence> evidence = check.evaluate(h, directory, new HostCheckContext(h.collectedAt(), rule));
        RuleStatus status;
        if (!evidence.isEmpty()) {
            status = RuleStatus.FAIL;
        } else if (!missingHost.isEmpty() || !missingDirectory.isEmpty()) {
            status = RuleStatus.NOT_EVALUATED;
        } else {
            status = RuleStatus.PASS;
        }
        return new RuleResult(rule, status, evidence, missingDirectory, missingHost);
    }
}
