package fr.vigie.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoaderTest {
    @TempDir Path dir;

    private static final String VALID_RULE = """
            rules:
              - id: sample-rule
                title: A sample
                category: ANOMALIES
                points: 10
                level: 2
                anssi: [vuln_guest]
                thresholds: {maxDays: 30}
                description: d
                remediation: r
            """;

    private Catalogue load(String rules) throws IOException {
        Files.writeString(dir.resolve("catalogue.yaml"), "version: \"t1\"\nscoringModel: m\nfiles: [r.yaml]\n");
        Files.writeString(dir.resolve("r.yaml"), rules);
        return CatalogueLoader.fromDirectory(dir);
    }

    @Test
    void builtInCatalogueLoadsWithUniqueIdsAndAVersion() {
        Catalogue c = CatalogueLoader.builtIn();
        assertThat(c.version()).isNotBlank();
        assertThat(c.rules()).isNotEmpty();
        for (Rule r : c.rules()) {
            assertThat(r.remediation()).as(r.id()).isNotBlank();
        }
    }

    @Test
    void loadsAValidRule() throws IOException {
        Rule r = load(VALID_RULE).rule("sample-rule");
        assertThat(r.level()).isEqualTo(2);
        assertThat(r.longThreshold("maxDays")).isEqualTo(30);
        assertThat(r.anssi()).containsExactly("vuln_guest");
    }

    @Test
    void rejectsALevelOutOfRangeNamingRuleAndField() {
        assertThatThrownBy(() -> load(VALID_RULE.replace("level: 2", "level: 7")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("sample-rule").hasMessageContaining("'level'");
    }

    @Test
    void rejectsAnUnknownCategory() {
        assertThatThrownBy(() -> load(VALID_RULE.replace("ANOMALIES", "MISC")))
                .hasMessageContaining("sample-rule").hasMessageContaining("'category'");
    }

    @Test
    void rejectsAMalformedAnssiId() {
        assertThatThrownBy(() -> load(VALID_RULE.replace("vuln_guest", "guest")))
                .hasMessageContaining("'anssi'");
    }

    @Test
    void rejectsAnUnknownField() {
        assertThatThrownBy(() -> load(VALID_RULE.replace("description: d", "descripton: d")))
                .hasMessageContaining("'descripton'").hasMessageContaining("unknown field");
    }

    @Test
    void rejectsDuplicateIds() {
        String twice = VALID_RULE + VALID_RULE.substring(VALID_RULE.indexOf("  - id"));
        assertThatThrownBy(() -> load(twice)).hasMessageContaining("duplicate");
    }

    @Test
    void siteOverrideChangesAThreshold() throws IOException {
        Catalogue c = load(VALID_RULE);
        Path o = dir.resolve("site.yaml");
        Files.writeString(o, "rules:\n  sample-rule:\n    thresholds: {maxDays: 90}\n");
        assertThat(c.withOverrides(SiteOverrides.read(o)).rule("sample-rule").longThreshold("maxDays")).isEqualTo(90);
    }

    @Test
    void siteOverrideOfUnknownRuleOrThresholdOrTypeIsRejected() throws IOException {
        Catalogue c = load(VALID_RULE);
        Path o = dir.resolve("site.yaml");
        Files.writeString(o, "rules:\n  no-such-rule:\n    thresholds: {maxDays: 90}\n");
        assertThatThrownBy(() -> c.withOverrides(SiteOverrides.read(o))).hasMessageContaining("no-such-rule");
        Files.writeString(o, "rules:\n  sample-rule:\n    thresholds: {maxDayz: 90}\n");
        assertThatThrownBy(() -> c.withOverrides(SiteOverrides.read(o)))
                .hasMessageContaining("sample-rule").hasMessageContaining("thresholds.maxDayz");
        Files.writeString(o, "rules:\n  sample-rule:\n    thresholds: {maxDays: \"ninety\"}\n");
        assertThatThrownBy(() -> c.withOverrides(SiteOverrides.read(o))).hasMessageContaining("expected an integer");
    }
}
