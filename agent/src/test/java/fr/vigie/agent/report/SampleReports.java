package fr.vigie.agent.report;

import fr.vigie.agent.report.ReportDocument.CatalogueInfo;
import fr.vigie.agent.report.ReportDocument.CollectionSection;
import fr.vigie.agent.report.ReportDocument.DomainSection;
import fr.vigie.agent.report.ReportDocument.EvidenceEntry;
import fr.vigie.agent.report.ReportDocument.RuleEntry;
import fr.vigie.agent.report.ReportDocument.ScoreSection;
import fr.vigie.agent.report.ReportDocument.StepEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built report documents for renderer tests (no audit involved). */
final class SampleReports {
    static final Instant COLLECTED = Instant.parse("2026-06-01T08:30:00Z");

    private SampleReports() {}

    static RuleEntry failing(String id, int level, int points, EvidenceEntry... evidence) {
        return new RuleEntry(id, "Title of " + id, "PRIVILEGED_ACCOUNTS", points, level,
                List.of("vuln_" + id.replace('-', '_')),
                List.of("P-" + id), ReportDocument.FAIL, List.of(), "Description of " + id, "Remediation of " + id,
                List.of(evidence));
    }

    static RuleEntry passing(String id, int level) {
        return new RuleEntry(id, "Title of " + id, "STALE_OBJECTS", 5, level, List.of(), List.of(), ReportDocument.PASS,
                List.of(), "d", "r", List.of());
    }

    static RuleEntry notEvaluated(String id, int level, String... missing) {
        return new RuleEntry(id, "Title of " + id, "TRUSTS", 5, level, List.of(), List.of(),
                ReportDocument.NOT_EVALUATED, List.of(missing), "d", "r", List.of());
    }

    static EvidenceEntry evidence(String dn, String name, String... attributes) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            a.put(attributes[i], attributes[i + 1]);
        }
        return new EvidenceEntry(dn, name, a);
    }

    /**
     * A report with the given rules; the score is derived the way the scorer does it (level = lowest failing level,
     * toReachNextLevel = failing rules of that level); missing sources make the collection incomplete.
     */
    static ReportDocument report(List<RuleEntry> rules, String... missingSources) {
        int level = rules.stream().filter(r -> r.status().equals(ReportDocument.FAIL)).mapToInt(RuleEntry::level).min()
                .orElse(5);
        List<String> next = rules.stream().filter(r -> r.status().equals(ReportDocument.FAIL) && r.level() == level)
                .map(RuleEntry::id).toList();
        List<String> notEvaluated = rules.stream().filter(r -> r.status().equals(ReportDocument.NOT_EVALUATED))
                .map(RuleEntry::id).toList();
        Map<String, Integer> cats = new LinkedHashMap<>();
        for (String c : List.of("STALE_OBJECTS", "PRIVILEGED_ACCOUNTS", "TRUSTS", "ANOMALIES", "BACKUP")) {
            cats.put(c, rules.stream().filter(r -> r.status().equals(ReportDocument.FAIL) && r.category().equals(c))
                    .mapToInt(RuleEntry::points).sum());
        }
        int global = cats.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<StepEntry> steps = new ArrayList<>();
        for (String s : List.of("ROOT_DSE", "USERS", "COMPUTERS", "GROUPS")) {
            boolean missing = List.of(missingSources).contains(s);
            steps.add(new StepEntry(s, missing ? "FAILED" : "COMPLETE", missing ? 12 : 100,
                    missing ? Optional.of("time limit exceeded") : Optional.empty()));
        }
        return new ReportDocument(ReportDocument.SCHEMA_NAME, 1, COLLECTED.plusSeconds(60), "9.9.9-test",
                new CatalogueInfo("2026.11.0", "vigie-score-1"),
                new DomainSection("DC=ch-test,DC=local", "ch-test.local", "S-1-5-21-1-2-3", 7, 7, "dc1.ch-test.local"),
                new CollectionSection(COLLECTED, "dc1.ch-test.local:636", missingSources.length == 0, steps,
                        List.of(missingSources)),
                new ScoreSection(global, level, notEvaluated.isEmpty(), cats, next, notEvaluated, 5, List.of()), rules);
    }
}
