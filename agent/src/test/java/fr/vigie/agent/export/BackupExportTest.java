package fr.vigie.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.vigie.agent.report.ReportBuilder;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportJson;
import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.agent.scan.AuditSetup;
import fr.vigie.agent.scan.HostSnapshots;
import fr.vigie.checks.Audit;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.host.HostSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The minimised copy of a report with a backup section leaks no host name, path, share or server. */
class BackupExportTest {
    /** Site data planted by {@link HostSnapshots#backupServer()}: none may survive a minimised export. */
    private static final List<String> SITE_DATA = List.of("bkp-srv01", "sauvegardes-chu", "paie", "sauvegarde-compta",
            "nas-sauvegarde", "10.20.30.40", "/mnt/backup", "/vol/backup", "prive", "permission denied");

    private static ReportDocument full;
    private static Schema schema;

    @BeforeAll
    static void audit() throws Exception {
        Audit audit = AuditSetup.load(Optional.empty(), Optional.empty());
        DirectorySnapshot d = AgentSnapshots.domain().unconstrainedServer("SRV1").build();
        Optional<HostSnapshot> host = Optional.of(HostSnapshots.backupServer());
        full = ReportBuilder.build(d, host, audit.run(d, host), Instant.parse("2026-06-01T09:00:00Z"), "1.2.3");
        Path file = Path.of("..", "docs", "report.schema.json");
        if (!Files.exists(file)) {
            file = Path.of("docs", "report.schema.json");
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new ObjectMapper().readTree(file.toFile()));
    }

    @Test
    void theFullReportHoldsTheSiteDataTheExportMustRemove() throws Exception {
        String json = ReportJson.toJson(ReportExport.minimise(full, ExportLevel.FULL, ReportExportTest.key(7)))
                .toLowerCase(Locale.ROOT);
        for (String s : SITE_DATA) {
            assertThat(json).as(s).contains(s);
        }
    }

    @Test
    void noPathShareOrHostSurvivesThePseudonymizedAndCountsLevels() throws Exception {
        for (ExportLevel level : List.of(ExportLevel.PSEUDONYMIZED, ExportLevel.COUNTS)) {
            ReportDocument copy = ReportExport.minimise(full, level, ReportExportTest.key(7));
            String json = ReportJson.toJson(copy);
            for (String s : SITE_DATA) {
                assertThat(json.toLowerCase(Locale.ROOT)).as(level + ": " + s).doesNotContain(s);
            }
            assertThat(schema.validate(new ObjectMapper().readTree(json))).as(level + " schema errors").isEmpty();
            ReportDocument.BackupSection b = copy.backup().orElseThrow();
            ReportDocument.BackupSection original = full.backup().orElseThrow();
            // levels, rule ids and the number of notes are kept; the notes' text is withheld
            assertThat(b.maturityLevel()).isEqualTo(original.maturityLevel());
            assertThat(b.toReachNextLevel()).isEqualTo(original.toReachNextLevel());
            assertThat(b.notes()).hasSameSizeAs(original.notes())
                    .allSatisfy(n -> assertThat(n.text()).isEqualTo(Pseudonymizer.WITHHELD));
            assertThat(b.host().orElseThrow().hostName()).startsWith("host-");
            assertThat(b.host().get().os()).contains("Debian");
            assertThat(b.offlineCopyCaveat()).isEqualTo(original.offlineCopyCaveat());
        }
    }

    @Test
    void pseudonymizedHostEvidenceKeepsWhatIsNotSiteData() {
        ReportDocument copy = ReportExport.minimise(full, ExportLevel.PSEUDONYMIZED, ReportExportTest.key(7));
        ReportDocument.RuleEntry writable = copy.rule("backup-files-world-writable").orElseThrow();
        assertThat(writable.status()).isEqualTo("FAIL");
        assertThat(writable.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.object()).startsWith("name-"));
        assertThat(writable.evidence()).anySatisfy(e -> assertThat(e.attributes()).containsEntry("permissions",
                "0666"));
        ReportDocument.RuleEntry mounted = copy.rule("backup-repo-mounted-rw").orElseThrow();
        assertThat(mounted.evidence()).anySatisfy(e -> assertThat(e.attributes().get("options"))
                .contains("rw").contains("vers=4.2").containsPattern("addr=host-[0-9a-f]{20}"));
        ReportDocument counts = ReportExport.minimise(full, ExportLevel.COUNTS, ReportExportTest.key(7));
        assertThat(counts.rule("backup-files-world-writable").orElseThrow().evidenceCount())
                .contains(full.rule("backup-files-world-writable").orElseThrow().evidence().size());
    }
}
