package fr.vigie.agent.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON report of one audit (schema {@value #SCHEMA_NAME}, version {@value #SCHEMA_VERSION}): the wire format
 * read by the central collector, documented field by field in {@code docs/report-schema.md} and validated by
 * {@code docs/report.schema.json}. Enumerated values (categories, statuses, data sources) are carried as strings so
 * that a reader of an older version can still read a report that names a newer value. Deeply immutable.
 *
 * <p>Compatibility: adding an optional field keeps {@link #SCHEMA_VERSION}; renaming or removing a field, or changing
 * its meaning, increments it.
 *
 * @param reportSchema  always {@value #SCHEMA_NAME}
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param generatedAt   when this report was produced (for a re-check, later than the collection)
 * @param agentVersion  version of the agent that produced it
 * @param catalogue     the rule catalogue it was scored with
 * @param domain        the audited domain
 * @param collection    how the snapshot was collected and what is missing from it
 * @param score         the score
 * @param rules         every rule of the catalogue with its outcome, in catalogue order
 * @param backup        the backup side of the audit: backup level, what to fix, whether and how the agent's host was
 *                      inspected (added in schema version 1 without a version change: absent from reports of older
 *                      agents, always written by this one)
 * @param export        present only in a minimised copy made for the collector ({@code fr.vigie.agent.export}):
 *                      what was removed or pseudonymized; absent (not serialized) in the local report, whose
 *                      evidence is complete
 */
@JsonPropertyOrder({"reportSchema", "schemaVersion", "generatedAt", "agentVersion", "catalogue", "domain",
    "collection", "score", "backup", "rules", "export"})
public record ReportDocument(
        String reportSchema,
        int schemaVersion,
        Instant generatedAt,
        String agentVersion,
        CatalogueInfo catalogue,
        DomainSection domain,
        CollectionSection collection,
        ScoreSection score,
        List<RuleEntry> rules,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ExportSection> export,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<BackupSection> backup) {

    public static final String SCHEMA_NAME = "vigie-report";
    public static final int SCHEMA_VERSION = 1;

    /** Rule status values. */
    public static final String FAIL = "FAIL";
    public static final String PASS = "PASS";
    public static final String NOT_EVALUATED = "NOT_EVALUATED";

    /** Failing rules first by level (1 = most urgent), then by points (most first), then by id. */
    public static final Comparator<RuleEntry> URGENCY = Comparator.comparingInt(RuleEntry::level)
            .thenComparing(Comparator.comparingInt(RuleEntry::points).reversed())
            .thenComparing(RuleEntry::id);

    public ReportDocument {
        Objects.requireNonNull(reportSchema, "reportSchema");
        Objects.requireNonNull(generatedAt, "generatedAt");
        agentVersion = agentVersion == null ? "" : agentVersion;
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(score, "score");
        rules = copy(rules);
        export = export == null ? Optional.empty() : export;
        backup = backup == null ? Optional.empty() : backup;
    }

    /** A report as produced by an audit, with its complete evidence (no {@code export} section). */
    public ReportDocument(String reportSchema, int schemaVersion, Instant generatedAt, String agentVersion,
            CatalogueInfo catalogue, DomainSection domain, CollectionSection collection, ScoreSection score,
            List<RuleEntry> rules) {
        this(reportSchema, schemaVersion, generatedAt, agentVersion, catalogue, domain, collection, score, rules,
                Optional.empty(), Optional.empty());
    }

    /** A report without a {@code backup} section (as written by agents before it was added). */
    public ReportDocument(String reportSchema, int schemaVersion, Instant generatedAt, String agentVersion,
            CatalogueInfo catalogue, DomainSection domain, CollectionSection collection, ScoreSection score,
            List<RuleEntry> rules, Optional<ExportSection> export) {
        this(reportSchema, schemaVersion, generatedAt, agentVersion, catalogue, domain, collection, score, rules,
                export, Optional.empty());
    }

    /** This report with another backup section. */
    public ReportDocument withBackup(Optional<BackupSection> section) {
        return new ReportDocument(reportSchema, schemaVersion, generatedAt, agentVersion, catalogue, domain,
                collection, score, rules, export, section);
    }

    /** The category of the backup scale. */
    public static final String BACKUP_CATEGORY = "BACKUP";

    /** True for a rule of the backup scale (category {@value #BACKUP_CATEGORY}). */
    public static boolean isBackup(RuleEntry rule) {
        return BACKUP_CATEGORY.equals(rule.category());
    }

    /** Failing rules of the AD domain score (every category but BACKUP), most urgent first. */
    public List<RuleEntry> failingDirectory() {
        return failing().stream().filter(r -> !isBackup(r)).toList();
    }

    /** Failing BACKUP rules, most urgent first. */
    public List<RuleEntry> failingBackup() {
        return failing().stream().filter(ReportDocument::isBackup).toList();
    }

    /**
     * True when the backup level must not be read as final: some BACKUP rule could not be evaluated (e.g. the host
     * was not inspected). The backup level is then an upper bound.
     */
    public boolean backupProvisional() {
        return !score.backupComplete();
    }

    /**
     * True when the result must not be read as final: some data could not be collected or some rule could not be
     * evaluated. The maturity level is then an upper bound.
     */
    public boolean provisional() {
        return !collection.complete() || !score.complete();
    }

    /** Failing rules, most urgent first ({@link #URGENCY}). */
    public List<RuleEntry> failing() {
        return rules.stream().filter(r -> FAIL.equals(r.status())).sorted(URGENCY).toList();
    }

    public List<RuleEntry> passing() {
        return rules.stream().filter(r -> PASS.equals(r.status())).toList();
    }

    public List<RuleEntry> notEvaluated() {
        return rules.stream().filter(r -> NOT_EVALUATED.equals(r.status())).toList();
    }

    /** The rule with this id, if the report has it. */
    public Optional<RuleEntry> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * @param version      catalogue version
     * @param scoringModel scoring model id
     */
    @JsonPropertyOrder({"version", "scoringModel"})
    public record CatalogueInfo(String version, String scoringModel) {
        public CatalogueInfo {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(scoringModel, "scoringModel");
        }
    }

    /**
     * @param dn                    distinguished name of the domain
     * @param dnsName               DNS name (may be empty when unknown)
     * @param sid                   domain SID (may be empty when unknown)
     * @param domainFunctionalLevel RootDSE domainFunctionality
     * @param forestFunctionalLevel RootDSE forestFunctionality
     * @param server                DNS name of the DC that answered (may be empty)
     */
    @JsonPropertyOrder({"dn", "dnsName", "sid", "domainFunctionalLevel", "forestFunctionalLevel", "server"})
    public record DomainSection(String dn, String dnsName, String sid, int domainFunctionalLevel,
            int forestFunctionalLevel, String server) {
        public DomainSection {
            Objects.requireNonNull(dn, "dn");
            dnsName = dnsName == null ? "" : dnsName;
            sid = sid == null ? "" : sid;
            server = server == null ? "" : server;
        }
    }

    /**
     * @param collectedAt when collection started (the checks' "now")
     * @param source      what was read (host:port of the DC, or another origin)
     * @param complete    every collection step finished
     * @param steps       how each step ended
     * @param missing     data sources missing, failed or skipped (names of {@code fr.vigie.snapshot.DataSource})
     */
    @JsonPropertyOrder({"collectedAt", "source", "complete", "steps", "missing"})
    public record CollectionSection(Instant collectedAt, String source, boolean complete, List<StepEntry> steps,
            List<String> missing) {
        public CollectionSection {
            Objects.requireNonNull(collectedAt, "collectedAt");
            source = source == null ? "" : source;
            steps = copy(steps);
            missing = copy(missing);
        }
    }

    /**
     * @param source  data source name
     * @param status  COMPLETE, FAILED or SKIPPED
     * @param objects objects read
     * @param error   what went wrong, for a failed or skipped step; serialized as null when absent
     */
    @JsonPropertyOrder({"source", "status", "objects", "error"})
    public record StepEntry(String source, String status, long objects, Optional<String> error) {
        public StepEntry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(status, "status");
            error = error == null ? Optional.empty() : error;
        }
    }

    /**
     * @param globalScore      highest category score, 0..100 (0 = nothing found)
     * @param maturityLevel    1..5; an upper bound when {@code complete} is false
     * @param complete         every rule was evaluated
     * @param categoryScores   category name to score, in the order of {@code fr.vigie.ruleset.Category}
     * @param toReachNextLevel failing rules of the current level: fix them all to reach the next level
     * @param notEvaluated     rules that could not be evaluated
     * @param backupMaturityLevel    1..5 on the backup scale (BACKUP rules only; see docs/backup-maturity.md)
     * @param backupToReachNextLevel failing BACKUP rules of the current backup level
     * @param backupComplete         every BACKUP rule was evaluated (false e.g. when the host was not inspected):
     *                               otherwise the backup level is an upper bound
     */
    @JsonPropertyOrder({"globalScore", "maturityLevel", "complete", "categoryScores", "toReachNextLevel",
        "notEvaluated", "backupMaturityLevel", "backupToReachNextLevel", "backupComplete"})
    public record ScoreSection(int globalScore, int maturityLevel, boolean complete,
            Map<String, Integer> categoryScores, List<String> toReachNextLevel, List<String> notEvaluated,
            int backupMaturityLevel, List<String> backupToReachNextLevel, boolean backupComplete) {
        public ScoreSection {
            categoryScores = categoryScores == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(categoryScores));
            toReachNextLevel = copy(toReachNextLevel);
            notEvaluated = copy(notEvaluated);
            backupToReachNextLevel = copy(backupToReachNextLevel);
        }
    }

    /**
     * One rule of the catalogue and its outcome.
     *
     * @param id          rule id
     * @param title       one-line title
     * @param category    category name
     * @param points      points added to the category when failing
     * @param level       maturity level capped by a failure (1..5)
     * @param anssi       ANSSI checkpoint ids
     * @param pingcastle  PingCastle rule ids
     * @param status      FAIL, PASS or NOT_EVALUATED
     * @param missingData for NOT_EVALUATED: the data sources it needed that are missing
     * @param description what the rule detects and why it matters
     * @param remediation what to do
     * @param evidence    for FAIL: the objects that triggered it (empty in a {@code counts} export)
     * @param evidenceCount present only in a {@code counts} export (not serialized otherwise): how many evidence
     *                    entries the rule had before they were removed
     */
    @JsonPropertyOrder({"id", "title", "category", "points", "level", "anssi", "pingcastle", "status", "missingData",
        "description", "remediation", "evidence", "evidenceCount"})
    public record RuleEntry(String id, String title, String category, int points, int level, List<String> anssi,
            List<String> pingcastle, String status, List<String> missingData, String description, String remediation,
            List<EvidenceEntry> evidence,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Integer> evidenceCount) {
        /** A rule with its evidence (no {@code evidenceCount}). */
        public RuleEntry(String id, String title, String category, int points, int level, List<String> anssi,
                List<String> pingcastle, String status, List<String> missingData, String description,
                String remediation, List<EvidenceEntry> evidence) {
            this(id, title, category, points, level, anssi, pingcastle, status, missingData, description, remediation,
                    evidence, Optional.empty());
        }

        public RuleEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(status, "status");
            anssi = copy(anssi);
            pingcastle = copy(pingcastle);
            missingData = copy(missingData);
            description = description == null ? "" : description;
            remediation = remediation == null ? "" : remediation;
            evidence = copy(evidence);
            evidenceCount = evidenceCount == null ? Optional.empty() : evidenceCount;
        }
    }

    /**
     * @param object     DN of the object, or the name of a setting
     * @param name       short name (may be empty)
     * @param attributes attribute name to displayed value, in display order
     */
    @JsonPropertyOrder({"object", "name", "attributes"})
    public record EvidenceEntry(String object, String name, Map<String, String> attributes) {
        public EvidenceEntry {
            Objects.requireNonNull(object, "object");
            name = name == null ? "" : name;
            attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /**
     * The backup side of the audit, on its own scale (see {@code docs/backup-maturity.md}).
     *
     * @param maturityLevel     1..5, {@code score.backupMaturityLevel}; an upper bound when {@code complete} is false
     * @param complete          every BACKUP rule was evaluated ({@code score.backupComplete})
     * @param toReachNextLevel  failing BACKUP rules of the current backup level: fix them all to reach the next one
     * @param notEvaluated      BACKUP rules that could not be evaluated (e.g. the host was not inspected)
     * @param hostInspected     the agent inspected the host it runs on (false with {@code --no-host}, or a re-check
     *                          without a host snapshot)
     * @param host              the inspected host, when {@code hostInspected}; serialized as null otherwise
     * @param notes             what the host inspection could not read or limited (unreadable paths, time-outs,
     *                          malformed files, commands missing), per collection step
     * @param offlineCopyCaveat always {@link #OFFLINE_COPY_CAVEAT}: the limit of what the agent can see
     */
    @JsonPropertyOrder({"maturityLevel", "complete", "toReachNextLevel", "notEvaluated", "hostInspected", "host",
        "notes", "offlineCopyCaveat"})
    public record BackupSection(int maturityLevel, boolean complete, List<String> toReachNextLevel,
            List<String> notEvaluated, boolean hostInspected, Optional<HostSection> host, List<HostNote> notes,
            String offlineCopyCaveat) {
        /** What the agent cannot see, stated in every report. */
        public static final String OFFLINE_COPY_CAVEAT = "The agent cannot prove the absence of an offline copy: "
                + "tapes in a safe, disconnected disks or an immutable copy at another site are invisible from this "
                + "host. Keep at least one offline or immutable copy and test restores; the rules here only see what "
                + "is reachable from the host and the directory.";

        public BackupSection {
            toReachNextLevel = copy(toReachNextLevel);
            notEvaluated = copy(notEvaluated);
            host = host == null ? Optional.empty() : host;
            notes = copy(notes);
            offlineCopyCaveat = offlineCopyCaveat == null ? OFFLINE_COPY_CAVEAT : offlineCopyCaveat;
        }
    }

    /**
     * The host the agent inspected.
     *
     * @param hostName    host name (may be empty when unknown)
     * @param os          operating system, e.g. "LINUX Debian GNU/Linux 12"
     * @param collectedAt when the host collection started
     * @param complete    every host collection step finished
     * @param steps       how each host collection step ended (source = a {@code HostDataSource} name)
     * @param missing     host data sources missing, failed or skipped
     */
    @JsonPropertyOrder({"hostName", "os", "collectedAt", "complete", "steps", "missing"})
    public record HostSection(String hostName, String os, Instant collectedAt, boolean complete,
            List<StepEntry> steps, List<String> missing) {
        public HostSection {
            hostName = hostName == null ? "" : hostName;
            os = os == null ? "" : os;
            Objects.requireNonNull(collectedAt, "collectedAt");
            steps = copy(steps);
            missing = copy(missing);
        }
    }

    /**
     * One thing the host inspection could not read, or limited.
     *
     * @param source the host collection step (a {@code HostDataSource} name)
     * @param text   what happened, for the administrator (may name paths and shares: site data)
     */
    @JsonPropertyOrder({"source", "text"})
    public record HostNote(String source, String text) {
        public HostNote {
            Objects.requireNonNull(source, "source");
            text = text == null ? "" : text;
        }
    }

    /**
     * How a copy of the report was minimised before leaving the establishment (see {@code docs/report-schema.md}).
     *
     * @param level      {@code pseudonymized} or {@code counts}
     * @param pseudonyms how names were replaced: {@code hmac-sha256} (keyed hash, key held by the agent only)
     * @param keyId      identifies the agent's pseudonym key without revealing it: pseudonyms of two reports are
     *                   comparable only when their key ids are equal
     */
    @JsonPropertyOrder({"level", "pseudonyms", "keyId"})
    public record ExportSection(String level, String pseudonyms, String keyId) {
        public ExportSection {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(pseudonyms, "pseudonyms");
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    private static <T> List<T> copy(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }
}
