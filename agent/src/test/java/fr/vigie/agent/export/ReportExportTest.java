package fr.vigie.agent.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportDocument.EvidenceEntry;
import fr.vigie.agent.report.ReportDocument.RuleEntry;
import fr.vigie.agent.report.ReportJson;
import fr.vigie.collector.ingest.ReportFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The minimised copies of a report: no original name, DN, host, SPN or free text of the fixture survives in the
 * pseudonymized or counts payload; pseudonyms are stable under one key and differ under another; the payloads are
 * valid reports that the collector's parser reads with the same domain SID and rule statuses.
 */
class ReportExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields of a rule whose values come from the public rule catalogue, identical for every establishment. */
    private static final List<String> RULE_CATALOGUE_FIELDS = List.of("id", "title", "category", "description",
            "remediation", "anssi", "pingcastle");
    /** Fields of the score that list rule ids. */
    private static final List<String> SCORE_RULE_LISTS = List.of("toReachNextLevel", "notEvaluated",
            "backupToReachNextLevel");

    private static final PseudonymKey KEY = key(7);
    private static final PseudonymKey OTHER_KEY = key(8);
    private static ExportFixture fixture;
    private static ReportDocument full;
    private static Schema schema;

    static PseudonymKey key(int seed) {
        byte[] k = new byte[PseudonymKey.LENGTH];
        Arrays.fill(k, (byte) seed);
        k[0] = 42;
        return PseudonymKey.of(k);
    }

    @BeforeAll
    static void audit() throws IOException {
        fixture = new ExportFixture();
        full = fixture.report();
        Path file = Path.of("..", "docs", "report.schema.json");
        if (!Files.exists(file)) {
            file = Path.of("docs", "report.schema.json");
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(file.toFile()));
    }

    static byte[] bytes(ReportDocument report) throws IOException {
        return ReportJson.toJson(report).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every string value of the document (not field names), except the catalogue's own texts: the rules' ids,
     * titles, categories, descriptions, remediations and checkpoint ids, and the rule ids listed in the score.
     */
    static String directoryValues(byte[] json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        for (JsonNode rule : tree.path("rules")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) rule).remove(RULE_CATALOGUE_FIELDS);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("score")).remove(SCORE_RULE_LISTS);
        StringBuilder sb = new StringBuilder();
        collect(tree, sb);
        return sb.toString();
    }

    private static void collect(JsonNode node, StringBuilder sb) {
        if (node.isContainerNode()) {
            node.forEach(n -> collect(n, sb));
        } else if (!node.isNull()) {
            sb.append(node.asText()).append('\n');
        }
    }

    /** The names of the fixture that appear in the full report outside the catalogue texts. */
    static Set<String> leakableNames() throws IOException {
        String values = directoryValues(bytes(full)).toLowerCase(Locale.ROOT);
        return fixture.names().stream().filter(n -> values.contains(n.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertNoNameSurvives(ReportDocument minimised) throws IOException {
        byte[] payload = bytes(minimised);
        String whole = new String(payload, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        String values = directoryValues(payload).toLowerCase(Locale.ROOT);
        String catalogue = new String(bytes(full), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        String catalogueTexts = full.rules().stream()
                .map(r -> r.id() + " " + r.title() + " " + r.description() + " " + r.remediation())
                .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
        List<String> searchedInWholeBytes = new ArrayList<>();
        for (String name : fixture.names()) {
            String n = name.toLowerCase(Locale.ROOT);
            // a name that the public catalogue itself mentions (krbtgt, Guest, Domain Admins...) is searched for
            // everywhere except in the catalogue's texts; every other name in the whole serialized payload
            assertThat(values).as("'%s' survives in a directory value", name).doesNotContain(n);
            if (!catalogueTexts.contains(n)) {
                assertThat(whole).as("'%s' survives in the payload bytes", name).doesNotContain(n);
                searchedInWholeBytes.add(name);
            }
        }
        assertThat(catalogue).contains("jean dupont, cardiologue"); // the full report does carry them
        assertThat(searchedInWholeBytes).hasSizeGreaterThan(40);
    }

    @Test
    void theFixtureReallyExposesNamesInTheFullReport() throws IOException {
        Set<String> leakable = leakableNames();
        // descriptions (free text), SPN hosts, constrained delegation targets, DNs, the group loop, the trust, the DC
        assertThat(leakable).contains("Jean Dupont, cardiologue", "pacs-sql01.chu-armor.local",
                "MSSQLSvc/pacs-sql01.chu-armor.local:1433", "cifs/" + ExportFixture.DC_HOST, "SRV-AD-ARMOR01",
                "GG-Cardio-Medecins", "GG-Cardio-Internes", "CN=Jean Dupont," + ExportFixture.STAFF_OU,
                "clinique-partenaire.fr", ExportFixture.DC_HOST, ExportFixture.DNS, "adm-mleroux",
                "svc-pacs-imagerie", "PC-URGENCES-042$", "nas-cardio", "Cardiologie", "Domain Admins", "Administrator");
        assertThat(full.failing()).extracting(RuleEntry::id).contains("kerberoastable-user",
                "delegation-protocol-transition-to-dc", "group-nesting-loop", "sid-history-dangerous", "guest-enabled",
                "primary-group-modified", "anonymous-pre-windows-2000", "delegation-rbcd-on-privileged",
                "privileged-not-protected-users", "test-description-quoted");
    }

    @Test
    void noOriginalNameOrDnSurvivesInThePseudonymizedPayload() throws IOException {
        assertNoNameSurvives(ReportExport.minimise(full, ExportLevel.PSEUDONYMIZED, KEY));
    }

    @Test
    void noOriginalNameOrDnSurvivesInTheCountsPayload() throws IOException {
        assertNoNameSurvives(ReportExport.minimise(full, ExportLevel.COUNTS, KEY));
    }

    @Test
    void pseudonymsAreStableUnderOneKeyAndDifferUnderAnother() throws IOException {
        ReportDocument a = ReportExport.minimise(full, ExportLevel.PSEUDONYMIZED, KEY);
        ReportDocument b = ReportExport.minimise(fixture.report(), ExportLevel.PSEUDONYMIZED, PseudonymKey.of(
                keyBytes(KEY)));
        assertThat(new String(bytes(b), StandardCharsets.UTF_8)).isEqualTo(new String(bytes(a), StandardCharsets.UTF_8));
        ReportDocument other = ReportExport.minimise(full, ExportLevel.PSEUDONYMIZED, OTHER_KEY);
        Set<String> pseudonymsA = pseudonyms(a);
        Set<String> pseudonymsOther = pseudonyms(other);
        assertThat(pseudonymsA).hasSizeGreaterThan(30);
        assertThat(pseudonymsOther).hasSameSizeAs(pseudonymsA).doesNotContainAnyElementsOf(pseudonymsA);
        assertThat(a.export()).get().extracting(ReportDocument.ExportSection::keyId).isEqualTo(KEY.keyId());
        assertThat(other.export().get().keyId()).isNotEqualTo(KEY.keyId());
    }

    @Test
    void oneAccountHasOnePseudonymInEveryRuleAndEveryReport() {
        ReportDocument a = ReportExport.minimise(full, ExportLevel.PSEUDONYMIZED, KEY);
        String dupontDn = "CN=Jean Dupont," + ExportFixture.STAFF_OU;
        List<String> rulesNamingDupont = full.rules().stream()
                .filter(r -> r.evidence().stream().anyMatch(e -> e.object().equals(dupontDn))).map(RuleEntry::id)
                .toList();
        assertThat(rulesNamingDupont).hasSizeGreaterThanOrEqualTo(2);
        Set<String> pseudonymsOfDupont = new TreeSet<>();
        for (String id : rulesNamingDupont) {
            int i = indexOf(full.rule(id).orElseThrow(), dupontDn);
            pseudonymsOfDupont.add(a.rule(id).orElseThrow().evidence().get(i).object());
        }
        assertThat(pseudonymsOfDupont).singleElement().asString().matches("dn-[0-9a-f]{20}");
        // the DN spelt in another case is the same object for AD, and gets the same pseudonym
        PseudonymKey k = KEY;
        Pseudonymizer p = new Pseudonymizer(k);
        assertThat(p.dn(dupontDn.toUpperCase(Locale.ROOT).replace(",", ", "))).isEqualTo(pseudonymsOfDupont.iterator().next());
        // and the group loop names the same group in its "cycle" as the evidence names it
        RuleEntry loop = a.rule("group-nesting-loop").orElseThrow();
        EvidenceEntry e = loop.evidence().get(0);
        assertThat(e.attributes().get("cycle")).startsWith(e.name() + " -> ").endsWith(" -> " + e.name());
        assertThat(e.attributes().get("cycle (DN)")).startsWith(e.object() + " -> ");
    }

    @Test
    void namedAttributesArePseudonymizedFreeTextIsDroppedAndFlagsAreKept() {
        ReportDocument a = ReportExport.minimise(full, ExportLevel.PSEUDONYMIZED, KEY);
        EvidenceEntry kerberoast = a.rule("kerberoastable-user").orElseThrow().evidence().stream()
                .filter(e -> e.attributes().get("servicePrincipalName").startsWith("MSSQLSvc/")).findFirst()
                .orElseThrow();
        assertThat(kerberoast.attributes().get("servicePrincipalName"))
                .matches("MSSQLSvc/host-[0-9a-f]{20}:1433, HTTP/host-[0-9a-f]{20}");
        assertThat(kerberoast.name()).matches("name-[0-9a-f]{20}");
        EvidenceEntry delegation = a.rule("delegation-protocol-transition-to-dc").orElseThrow().evidence().get(0);
        assertThat(delegation.attributes().get("msDS-AllowedToDelegateTo"))
                .matches("cifs/host-[0-9a-f]{20}, ldap/host-[0-9a-f]{20}");
        assertThat(delegation.attributes().get("domain controllers")).matches("name-[0-9a-f]{20}");
        assertThat(delegation.attributes().get("userAccountControl")).contains("TRUSTED_TO_AUTH_FOR_DELEGATION");
        RuleEntry quoted = a.rule("test-description-quoted").orElseThrow();
        assertThat(quoted.evidence()).hasSize(full.rule("test-description-quoted").orElseThrow().evidence().size())
                .allSatisfy(e -> assertThat(e.attributes()).containsOnlyKeys("userAccountControl"));
        EvidenceEntry sidHistory = a.rule("sid-history-dangerous").orElseThrow().evidence().get(0);
        assertThat(sidHistory.attributes().get("sIDHistory")).contains("S-1-5-21-1111-2222-3333-512");
        EvidenceEntry anonymous = a.rule("anonymous-pre-windows-2000").orElseThrow().evidence().get(0);
        assertThat(anonymous.attributes()).containsEntry("principal", "Anonymous Logon (S-1-5-7)");
        assertThat(anonymous.attributes().get("member")).matches("dn-[0-9a-f]{20}");
        assertThat(a.domain().sid()).isEqualTo(ExportFixture.SID);
        assertThat(a.domain().dnsName()).matches("host-[0-9a-f]{20}");
        assertThat(a.domain().dn()).matches("dn-[0-9a-f]{20}");
        assertThat(a.collection().source()).matches("host-[0-9a-f]{20}:636");
        assertThat(a.export()).contains(new ReportDocument.ExportSection("pseudonymized", "hmac-sha256", KEY.keyId()));
    }

    @Test
    void aKeptValueThatQuotesANameIsWithheld() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("operatingSystem", "Windows 10 (poste de jdupont.cardio)");
        attrs.put("userAccountControl", "0x200 (NORMAL_ACCOUNT)");
        RuleEntry rule = new RuleEntry("obsolete-os-member", "t", "STALE_OBJECTS", 5, 3, List.of(), List.of(),
                ReportDocument.FAIL, List.of(), "d", "r",
                List.of(new EvidenceEntry("CN=PC1,OU=Cardiologie," + ExportFixture.DN, "PC1$", attrs),
                        new EvidenceEntry("CN=Jean Dupont," + ExportFixture.STAFF_OU, "jdupont.cardio", Map.of())));
        ReportDocument r = new ReportDocument(full.reportSchema(), 1, full.generatedAt(), "x", full.catalogue(),
                full.domain(), full.collection(), full.score(), List.of(rule));
        EvidenceEntry e = ReportExport.minimise(r, ExportLevel.PSEUDONYMIZED, KEY).rules().get(0).evidence().get(0);
        assertThat(e.attributes()).containsEntry("operatingSystem", Pseudonymizer.WITHHELD)
                .containsEntry("userAccountControl", "0x200 (NORMAL_ACCOUNT)");
    }

    @Test
    void backupEvidenceKeepsItsFactsAndLosesItsNamesAndPaths() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("writableDcs", "1 (SRV-AD-ARMOR01$)");
        attrs.put("readOnlyDcs", "none");
        attrs.put("owner", "svc-veeam-armor:GG-Sauvegarde");
        attrs.put("runs as", "CHU-ARMOR\\svc-veeam-armor");
        attrs.put("dNSHostName", "srv-veeam01.chu-armor.local");
        attrs.put("permissions", "0644");
        attrs.put("age (hours)", "73");
        attrs.put("newest backup", "/srv/backup/cardiologie/jdupont.vbk");
        attrs.put("who can write", "CHU-ARMOR\\Domain Users");
        RuleEntry rule = new RuleEntry("backup-stale", "t", "BACKUP", 5, 3, List.of(), List.of(), ReportDocument.FAIL,
                List.of(), "d", "r", List.of(new EvidenceEntry("\\\\srv-veeam01\\backups", "backups", attrs)));
        ReportDocument r = new ReportDocument(full.reportSchema(), 1, full.generatedAt(), "x", full.catalogue(),
                full.domain(), full.collection(), full.score(), List.of(rule));
        EvidenceEntry e = ReportExport.minimise(r, ExportLevel.PSEUDONYMIZED, KEY).rules().get(0).evidence().get(0);
        assertThat(e.object()).matches("name-[0-9a-f]{20}");
        assertThat(e.attributes()).containsOnlyKeys("writableDcs", "readOnlyDcs", "owner", "runs as", "dNSHostName",
                "permissions", "age (hours)");
        assertThat(e.attributes().get("writableDcs")).matches("1 \\(name-[0-9a-f]{20}\\)");
        assertThat(e.attributes().get("owner")).matches("name-[0-9a-f]{20}:name-[0-9a-f]{20}");
        assertThat(e.attributes().get("dNSHostName")).matches("host-[0-9a-f]{20}");
        assertThat(e.attributes()).containsEntry("readOnlyDcs", "none").containsEntry("permissions", "0644")
                .containsEntry("age (hours)", "73");
        assertThat(e.toString()).doesNotContainIgnoringCase("veeam").doesNotContainIgnoringCase("armor")
                .doesNotContainIgnoringCase("jdupont").doesNotContainIgnoringCase("sauvegarde");
    }

    @Test
    void countsKeepOnlyTheNumberOfObjectsPerRule() {
        ReportDocument c = ReportExport.minimise(full, ExportLevel.COUNTS, KEY);
        assertThat(c.rules()).hasSameSizeAs(full.rules());
        for (int i = 0; i < full.rules().size(); i++) {
            RuleEntry before = full.rules().get(i);
            RuleEntry after = c.rules().get(i);
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.evidence()).isEmpty();
            assertThat(after.evidenceCount()).contains(before.evidence().size());
        }
        assertThat(c.rule("kerberoastable-user").orElseThrow().evidenceCount().orElseThrow()).isGreaterThanOrEqualTo(2);
        assertThat(c.score()).isEqualTo(full.score());
        assertThat(c.export().orElseThrow().level()).isEqualTo("counts");
    }

    @Test
    void fullIsTheReportAsIs() {
        assertThat(ReportExport.minimise(full, ExportLevel.FULL, KEY)).isSameAs(full);
        assertThat(full.export()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ExportLevel.class)
    void everyLevelIsAValidReportThatTheCollectorReads(ExportLevel level) throws Exception {
        ReportDocument minimised = ReportExport.minimise(full, level, KEY);
        byte[] payload = bytes(minimised);
        // the export adds no schema error to those of the audited report itself (none here)
        List<String> fullErrors = schemaErrors(bytes(full));
        assertThat(schemaErrors(payload)).isSubsetOf(fullErrors);
        assertThat(ReportJson.read(new ByteArrayInputStream(payload))).isEqualTo(minimised);
        ReportFields fields = ReportFields.parse(payload);
        assertThat(fields.domainSid()).contains(ExportFixture.SID);
        assertThat(fields.maturityLevel()).contains(full.score().maturityLevel());
        assertThat(fields.globalScore()).contains(full.score().globalScore());
        assertThat(fields.ruleStatus()).isEqualTo(full.rules().stream()
                .collect(Collectors.toMap(RuleEntry::id, RuleEntry::status, (x, y) -> x, LinkedHashMap::new)));
        if (level != ExportLevel.FULL) {
            assertThat(fields.domainDns()).get().asString().startsWith("host-");
        }
    }

    @Test
    void theLocalReportSerializationIsUnchangedByTheNewOptionalFields() throws IOException {
        JsonNode t = JSON.readTree(bytes(full));
        assertThat(t.has("export")).isFalse();
        assertThat(t.get("rules").get(0).has("evidenceCount")).isFalse();
        JsonNode c = JSON.readTree(bytes(ReportExport.minimise(full, ExportLevel.COUNTS, KEY)));
        assertThat(c.get("export").get("level").asText()).isEqualTo("counts");
        assertThat(c.get("rules").get(0).has("evidenceCount")).isTrue();
    }

    private static List<String> schemaErrors(byte[] json) throws IOException {
        return schema.validate(JSON.readTree(json)).stream().map(Object::toString).toList();
    }

    @Test
    void theAuditedFixtureIsItselfAValidReport() throws IOException {
        assertThat(schemaErrors(bytes(full))).isEmpty();
    }

    private static int indexOf(RuleEntry rule, String dn) {
        for (int i = 0; i < rule.evidence().size(); i++) {
            if (rule.evidence().get(i).object().equals(dn)) {
                return i;
            }
        }
        throw new AssertionError(dn + " not in " + rule.id());
    }

    private static Set<String> pseudonyms(ReportDocument r) {
        Set<String> out = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(dn|name|host)-[0-9a-f]{20}")
                .matcher(r.toString());
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static byte[] keyBytes(PseudonymKey k) {
        byte[] bytes = new byte[PseudonymKey.LENGTH];
        Arrays.fill(bytes, (byte) 7);
        bytes[0] = 42;
        assertThat(PseudonymKey.of(bytes).keyId()).isEqualTo(k.keyId());
        return bytes;
    }
}
