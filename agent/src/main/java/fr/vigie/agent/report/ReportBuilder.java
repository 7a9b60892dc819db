package fr.vigie.agent.report;

import fr.vigie.agent.report.ReportDocument.CatalogueInfo;
import fr.vigie.agent.report.ReportDocument.CollectionSection;
import fr.vigie.agent.report.ReportDocument.DomainSection;
import fr.vigie.agent.report.ReportDocument.EvidenceEntry;
import fr.vigie.agent.report.ReportDocument.RuleEntry;
import fr.vigie.agent.report.ReportDocument.ScoreSection;
import fr.vigie.agent.report.ReportDocument.StepEntry;
import fr.vigie.checks.AuditResult;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.Category;
import fr.vigie.ruleset.Rule;
import fr.vigie.ruleset.score.Score;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.DomainInfo;
import fr.vigie.snapshot.host.HostCollectionStep;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.agent.report.ReportDocument.BackupSection;
import fr.vigie.agent.report.ReportDocument.HostNote;
import fr.vigie.agent.report.ReportDocument.HostSection;
import fr.vigie.ruleset.score.RuleStatus;
import java.util.ArrayList;
import java.util.Optional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ReportDocument} of an audit: a pure function of its inputs. Thread-safe: holds no state. */
public final class ReportBuilder {
    private ReportBuilder() {}

    /**
     * @param snapshot     the audited snapshot
     * @param result       the audit of that snapshot
     * @param generatedAt  when the report is produced
     * @param agentVersion version of this agent
     */
    public static ReportDocument build(DirectorySnapshot snapshot, AuditResult result, Instant generatedAt,
            String agentVersion) {
        return build(snapshot, Optional.empty(), result, generatedAt, agentVersion);
    }

    /**
     * @param snapshot     the audited directory snapshot
     * @param host         the audited host snapshot, if the host was inspected
     * @param result       the audit of those snapshots
     * @param generatedAt  when the report is produced
     * @param agentVersion version of this agent
     */
    public static ReportDocument build(DirectorySnapshot snapshot, Optional<HostSnapshot> host, AuditResult result,
            Instant generatedAt, String agentVersion) {
        Score score = result.score();
        DomainInfo d = snapshot.domain();
        DomainSection domain = new DomainSection(d.dn(), d.dnsName(), d.sid(), d.domainFunctionalLevel(),
                d.forestFunctionalLevel(), d.serverDnsName());
        List<StepEntry> steps = snapshot.steps().stream()
                .map(s -> new StepEntry(s.source().name(), s.status().name(), s.objects(), s.error()))
                .toList();
        List<String> missing = snapshot.missingSources().stream().sorted().map(DataSource::name).toList();
        CollectionSection collection = new CollectionSection(snapshot.collectedAt(), snapshot.source(),
                snapshot.isComplete(), steps, missing);
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            categories.put(c.name(), score.categoryScores().getOrDefault(c, 0));
        }
        ScoreSection scoreSection = new ScoreSection(score.globalScore(), score.maturityLevel(), score.complete(),
                categories, score.toReachNextLevel(), score.notEvaluated(), score.backupMaturityLevel(),
                score.backupToReachNextLevel(), score.backupComplete());
        List<RuleEntry> rules = result.results().stream().map(ReportBuilder::rule).toList();
        return new ReportDocument(ReportDocument.SCHEMA_NAME, ReportDocument.SCHEMA_VERSION, generatedAt, agentVersion,
                new CatalogueInfo(score.catalogueVersion(), score.scoringModel()), domain, collection, scoreSection,
                rules, Optional.empty(), Optional.of(backup(score, result, host)));
    }

    private static BackupSection backup(Score score, AuditResult result, Optional<HostSnapshot> host) {
        List<String> notEvaluated = result.results().stream()
                .filter(r -> r.rule().category() == Category.BACKUP && r.status() == RuleStatus.NOT_EVALUATED)
                .map(r -> r.rule().id()).toList();
        Optional<HostSection> hostSection = host.map(h -> new HostSection(h.hostName(), os(h), h.collectedAt(),
                h.isComplete(), h.steps().stream().map(s -> new StepEntry(s.source().name(), s.status().name(),
                        s.objects(), s.error())).toList(),
                h.missingSources().stream().sorted().map(HostDataSource::name).toList()));
        List<HostNote> notes = new ArrayList<>();
        host.ifPresent(h -> {
            for (HostCollectionStep s : h.steps()) {
                s.error().ifPresent(e -> notes.add(new HostNote(s.source().name(),
                        s.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + e)));
                s.notes().forEach(n -> notes.add(new HostNote(s.source().name(), n)));
            }
            for (HostDataSource d : h.missingSources()) {
                if (h.step(d).isEmpty()) {
                    notes.add(new HostNote(d.name(), "not collected"));
                }
            }
        });
        return new BackupSection(score.backupMaturityLevel(), score.backupComplete(), score.backupToReachNextLevel(),
                notEvaluated, host.isPresent(), hostSection, notes, BackupSection.OFFLINE_COPY_CAVEAT);
    }

    private static String os(HostSnapshot h) {
        String text = (h.os().family().name() + " " + h.os().name() + " " + h.os().version()).strip();
        return text.replaceAll("\\s+", " ");
    }

    private static RuleEntry rule(RuleResult r) {
        Rule rule = r.rule();
        List<EvidenceEntry> evidence = r.evidence().stream().map(ReportBuilder::evidence).toList();
        return new RuleEntry(rule.id(), rule.title(), rule.category().name(), rule.points(), rule.level(),
                rule.anssi(), rule.pingCastle(), r.status().name(),
                r.missingSourceNames(), rule.description(), rule.remediation(),
                evidence);
    }

    private static EvidenceEntry evidence(Evidence e) {
        return new EvidenceEntry(e.object(), e.name(), e.attributes());
    }
}
