package fr.vigie.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.agent.scan.AuditSetup;
import fr.vigie.agent.scan.HostSnapshots;
import fr.vigie.checks.Audit;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.host.HostSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backup section of the reports: JSON (schema, round trip), HTML (escaping, provisional level), console. */
class BackupSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;
    private static Audit audit;

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of("..", "docs", "report.schema.json");
        if (!Files.exists(file)) {
            file = Path.of("docs", "report.schema.json");
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JSON.readTree(file.toFile()));
        audit = AuditSetup.load(Optional.empty(), Optional.empty());
    }

    private static ReportDocument report(Optional<HostSnapshot> host) {
        DirectorySnapshot d = AgentSnapshots.domain().unconstrainedServer("SRV1").build();
        return ReportBuilder.build(d, host, audit.run(d, host), Instant.parse("2026-06-01T09:00:00Z"), "1.2.3");
    }

    private static JsonNode tree(ReportDocument r) throws Exception {
        return JSON.readTree(ReportJson.toJson(r));
    }

    @Test
    void reportsWithAndWithoutTheHostValidateAndRoundTrip() throws Exception {
        for (ReportDocument r : java.util.List.of(report(Optional.of(HostSnapshots.backupServer())),
                report(Optional.empty()))) {
            assertThat(schema.validate(tree(r))).as("schema errors").isEmpty();
            ReportDocument back = ReportJson.read(new ByteArrayInputStream(ReportJson.toJson(r)
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(back).isEqualTo(r);
        }
        JsonNode b = tree(report(Optional.empty())).get("backup");
        assertThat(b.get("hostInspected").asBoolean()).isFalse();
        assertThat(b.get("host").isNull()).isTrue();
        assertThat(b.get("offlineCopyCaveat").asText()).contains("cannot prove the absence of an offline copy");
    }

    @Test
    void theSchemaRejectsAnInconsistentBackupSection() throws Exception {
        ObjectNode inspectedWithoutHost = (ObjectNode) tree(report(Optional.of(HostSnapshots.backupServer())));
        ((ObjectNode) inspectedWithoutHost.get("backup")).putNull("host");
        ObjectNode levelSix = (ObjectNode) tree(report(Optional.empty()));
        ((ObjectNode) levelSix.get("backup")).put("maturityLevel", 6);
        ObjectNode noCaveat = (ObjectNode) tree(report(Optional.empty()));
        ((ObjectNode) noCaveat.get("backup")).remove("offlineCopyCaveat");

        assertThat(schema.validate(inspectedWithoutHost)).isNotEmpty();
        assertThat(schema.validate(levelSix)).isNotEmpty();
        assertThat(schema.validate(noCaveat)).isNotEmpty();
    }

    @Test
    void aReportOfAnOlderAgentWithoutBackupSectionStillReads() throws Exception {
        ObjectNode old = (ObjectNode) tree(report(Optional.empty()));
        old.remove("backup");
        assertThat(schema.validate(old)).isEmpty();
        ReportDocument back = ReportJson.read(new ByteArrayInputStream(old.toString()
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(back.backup()).isEmpty();
        String html = new HtmlReport().render(back);
        assertThat(html).contains("Backup maturity level").contains("not recorded in this report");
    }

    @Test
    void theHtmlBackupsSectionEscapesHostEvidenceAndShowsTheFailingBackupRules() {
        ReportDocument r = report(Optional.of(HostSnapshots.backupServer()));
        String html = new HtmlReport().render(r);

        assertThat(html).doesNotContain("<b>paie</b>").contains("&lt;b&gt;paie&lt;/b&gt;-2026.vbk");
        int backups = html.indexOf("<section id=\"backups\">");
        int failing = html.indexOf("<section id=\"failing\">");
        assertThat(backups).isPositive();
        String backupSection = html.substring(backups, html.indexOf("</section>", backups));
        assertThat(backupSection).contains("Backup maturity level").contains("What to fix first for backups")
                .contains("id=\"rule-backup-files-world-writable\"").contains("id=\"rule-backup-share-open-write\"")
                .contains(HostSnapshots.SHARE).contains("0666").contains(HostSnapshots.NOTE)
                .contains(HostSnapshots.HOST).contains("cannot prove the absence of an offline copy");
        // each failing rule is detailed once: backup rules in the Backups section, AD rules in the AD section
        String adSection = html.substring(failing, html.indexOf("</section>", failing));
        assertThat(adSection).contains("id=\"rule-delegation-unconstrained\"")
                .doesNotContain("id=\"rule-backup-files-world-writable\"");
        assertThat(html.split("id=\"rule-backup-files-world-writable\"", -1)).hasSize(2);
        if (r.score().backupComplete()) {
            assertThat(backupSection).contains("Backup level " + r.score().backupMaturityLevel() + " of 5");
        } else {
            assertThat(backupSection).contains("Backup level ≤ " + r.score().backupMaturityLevel() + " / provisional");
        }
    }

    @Test
    void aPartialHostMakesTheBackupLevelProvisionalNeverClean() {
        HostSnapshot h = HostSnapshots.backupServer();
        HostSnapshot partial = new HostSnapshot(h.schemaVersion(), h.collectedAt(), h.hostName(), h.os(), h.domain(),
                h.mounts(), h.nfsExports(), h.sambaShares(), h.windowsShares(), h.services(), h.processes(),
                h.backupSoftware(), java.util.List.of(), h.offlineMedia(), h.steps().stream()
                .map(s -> s.source() == fr.vigie.snapshot.host.HostDataSource.BACKUP_LOCATIONS
                        ? fr.vigie.snapshot.host.HostCollectionStep.failed(s.source(), 0,
                                "1 of 1 backup location(s) could not be read completely",
                                java.util.List.of("/srv/x: no answer within 60 s, abandoned"))
                        : s).toList());
        ReportDocument r = report(Optional.of(partial));

        assertThat(r.rule("backup-stale").orElseThrow().status()).isEqualTo("NOT_EVALUATED");
        assertThat(r.backup().orElseThrow().complete()).isFalse();
        assertThat(r.backup().get().notes()).extracting(ReportDocument.HostNote::text)
                .contains("failed: 1 of 1 backup location(s) could not be read completely",
                        "/srv/x: no answer within 60 s, abandoned");
        String html = new HtmlReport().render(r);
        assertThat(html).contains("Backup level ≤ " + r.score().backupMaturityLevel() + " / provisional")
                .contains("no answer within 60 s");
        java.io.StringWriter out = new java.io.StringWriter();
        ConsoleSummary.print(r, java.util.Map.of(), new java.io.PrintWriter(out));
        assertThat(out.toString()).contains("Backup level:   <= " + r.score().backupMaturityLevel()
                + " (provisional: some backup rules not evaluated)");
    }
}
