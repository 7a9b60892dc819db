package fr.vigie.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.agent.scan.TestAudits;
import fr.vigie.ruleset.Category;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.StepStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report: exact field names, round trip, and validation against docs/report.schema.json. */
class ReportJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaNode;
    private static Schema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadSchema() throws IOException {
        // Surefire runs in the module directory (agent/): the schema lives in the repository's docs/.
        Path file = Path.of("..", "docs", "report.schema.json");
        if (!Files.exists(file)) {
            file = Path.of("docs", "report.schema.json");
        }
        schemaNode = JSON.readTree(file.toFile());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    }

    private ReportDocument auditedReport(DirectorySnapshot snapshot) {
        return ReportBuilder.build(snapshot, TestAudits.audit(tmp.resolve("catalogue")).run(snapshot),
                Instant.parse("2026-06-01T09:00:00.123Z"), "1.2.3");
    }

    private ReportDocument findingsReport() {
        return auditedReport(AgentSnapshots.domain().user("alice", "pwd: Summer2026!").unconstrainedServer("SRV1")
                .build());
    }

    private static JsonNode tree(ReportDocument report) throws IOException {
        return JSON.readTree(ReportJson.toJson(report));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theDocumentHasExactlyTheAgreedFieldNamesInOrder() throws IOException {
        JsonNode t = tree(findingsReport());

        assertThat(fieldNames(t)).containsExactly("reportSchema", "schemaVersion", "generatedAt", "agentVersion",
                "catalogue", "domain", "collection", "score", "backup", "rules");
        assertThat(t.get("reportSchema").asText()).isEqualTo("vigie-report");
        assertThat(t.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(t.get("generatedAt").asText()).isEqualTo("2026-06-01T09:00:00.123Z");
        assertThat(fieldNames(t.get("catalogue"))).containsExactly("version", "scoringModel");
        assertThat(fieldNames(t.get("domain"))).containsExactly("dn", "dnsName", "sid", "domainFunctionalLevel",
                "forestFunctionalLevel", "server");
        assertThat(fieldNames(t.get("collection"))).containsExactly("collectedAt", "source", "complete", "steps",
                "missing");
        assertThat(fieldNames(t.get("collection").get("steps").get(0))).containsExactly("source", "status", "objects",
                "error");
        assertThat(t.get("collection").get("steps").get(0).get("error").isNull()).isTrue();
        assertThat(fieldNames(t.get("score"))).containsExactly("globalScore", "maturityLevel", "complete",
                "categoryScores", "toReachNextLevel", "notEvaluated", "backupMaturityLevel", "backupToReachNextLevel", "backupComplete");
        assertThat(fieldNames(t.get("score").get("categoryScores"))).containsExactly("STALE_OBJECTS",
                "PRIVILEGED_ACCOUNTS", "TRUSTS", "ANOMALIES", "BACKUP");
        JsonNode rule = t.get("rules").get(0);
        assertThat(fieldNames(rule)).containsExactly("id", "title", "category", "points", "level", "anssi",
                "pingcastle", "status", "missingData", "description", "remediation", "evidence");
        assertThat(fieldNames(rule.get("evidence").get(0))).containsExactly("object", "name", "attributes");
    }

    @Test
    void theDocumentCarriesTheAuditResults() throws IOException {
        JsonNode t = tree(findingsReport());

        assertThat(t.at("/domain/dnsName").asText()).isEqualTo("ch-test.local");
        assertThat(t.at("/domain/server").asText()).isEqualTo("dc1.ch-test.local");
        assertThat(t.at("/collection/source").asText()).isEqualTo("dc1.ch-test.local:636");
        assertThat(t.at("/catalogue/version").asText()).isEqualTo("test-1");
        assertThat(t.at("/score/maturityLevel").asInt()).isEqualTo(1);
        assertThat(t.at("/score/categoryScores/PRIVILEGED_ACCOUNTS").asInt()).isEqualTo(20);
        assertThat(t.at("/score/categoryScores/ANOMALIES").asInt()).isEqualTo(5);
        assertThat(t.at("/score/toReachNextLevel/0").asText()).isEqualTo("delegation-unconstrained");
        assertThat(t.at("/rules/0/status").asText()).isEqualTo("FAIL");
        assertThat(t.at("/rules/0/evidence/0/name").asText()).isEqualTo("SRV1$");
        assertThat(t.at("/rules/0/evidence/0/attributes/userAccountControl").asText())
                .contains("TRUSTED_FOR_DELEGATION");
        assertThat(t.at("/rules/1/evidence/0/attributes/description").asText()).isEqualTo("pwd: Summer2026!");
    }

    @Test
    void aReportRoundTrips() throws IOException {
        for (ReportDocument report : List.of(findingsReport(),
                auditedReport(AgentSnapshots.domain().failed(DataSource.USERS).build()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportJson.write(report, out);

            ReportDocument back = ReportJson.read(new ByteArrayInputStream(out.toByteArray()));

            assertThat(back).isEqualTo(report);
        }
    }

    @Test
    void producedReportsValidateAgainstTheSchema() throws IOException {
        ReportDocument incomplete = auditedReport(AgentSnapshots.domain().user("bob", "x").failed(DataSource.USERS)
                .build());
        assertThat(incomplete.score().notEvaluated()).isNotEmpty();
        assertThat(incomplete.collection().steps()).anyMatch(s -> s.error().isPresent());

        for (ReportDocument report : List.of(findingsReport(), incomplete)) {
            List<Error> errors = schema.validate(tree(report));
            assertThat(errors).as("schema errors").isEmpty();
        }
    }

    @Test
    void theSchemaRejectsABrokenReport() throws IOException {
        ObjectNode missingScore = (ObjectNode) tree(findingsReport());
        missingScore.remove("score");
        ObjectNode badStatus = (ObjectNode) tree(findingsReport());
        ((ObjectNode) badStatus.get("rules").get(0)).put("status", "MAYBE");
        ObjectNode failWithoutEvidence = (ObjectNode) tree(findingsReport());
        ((ObjectNode) failWithoutEvidence.get("rules").get(0)).putArray("evidence");
        ObjectNode levelSix = (ObjectNode) tree(findingsReport());
        ((ObjectNode) levelSix.get("score")).put("maturityLevel", 6);

        assertThat(schema.validate(missingScore)).isNotEmpty();
        assertThat(schema.validate(badStatus)).isNotEmpty();
        assertThat(schema.validate(failWithoutEvidence)).isNotEmpty();
        assertThat(schema.validate(levelSix)).isNotEmpty();
    }

    @Test
    void theSchemaEnumerationsMatchTheJavaTypes() {
        assertThat(values(schemaNode.at("/$defs/category/enum")))
                .containsExactlyElementsOf(Arrays.stream(Category.values()).map(Enum::name).toList());
        assertThat(values(schemaNode.at("/$defs/rule/properties/status/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(RuleStatus.values()).map(Enum::name).toList());
        assertThat(values(schemaNode.at("/properties/collection/properties/steps/items/properties/status/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(StepStatus.values()).map(Enum::name).toList());
        String sourcePattern = schemaNode.at("/$defs/dataSource/pattern").asText();
        assertThat(DataSource.values()).allMatch(s -> s.name().matches(sourcePattern));
    }

    @Test
    void readingRefusesOtherDocumentsAndVersions() throws IOException {
        String json = ReportJson.toJson(findingsReport());

        assertThatThrownBy(() -> ReportJson.read(bytes(json.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"))))
                .isInstanceOf(ReportJson.ReportFormatException.class).hasMessageContaining("schemaVersion 2");
        assertThatThrownBy(() -> ReportJson.read(bytes("{\"schemaVersion\":1}")))
                .isInstanceOf(ReportJson.ReportFormatException.class).hasMessageContaining("not a Vigie report");
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
