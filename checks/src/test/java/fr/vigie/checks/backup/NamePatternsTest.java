package fr.vigie.checks.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.checks.CheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamePatternsTest {
    private final NamePatterns defaults = NamePatterns.of(List.of("*veeam*", "tsm", "svg", "*svc-bkp*", "spectrum"));

    @Test
    void aStarredPatternMatchesAnywhereCaseInsensitively() {
        assertThat(defaults.firstMatch("svcVEEAMbr")).contains("*veeam*");
        assertThat(defaults.firstMatch("Compte du service Veeam B&R")).contains("*veeam*");
    }

    @Test
    void aBarePatternMatchesAWholeWordOnly() {
        assertThat(defaults.firstMatch("svc-tsm")).contains("tsm");
        assertThat(defaults.firstMatch("TSM/srv01.ch-test.local")).contains("tsm");
        assertThat(defaults.firstMatch("IBM Spectrum Protect")).contains("spectrum");
        assertThat(defaults.firstMatch("SRV-SVG01")).contains("svg");
        assertThat(defaults.firstMatch("tsm01")).contains("tsm");
        assertThat(defaults.firstMatch("tsmith")).isEmpty();
        assertThat(defaults.firstMatch("svgtools")).isEmpty();
    }

    @Test
    void aPatternWithSeparatorsMatchesTheWholeValue() {
        assertThat(defaults.firstMatch("ch-svc-bkp-01")).contains("*svc-bkp*");
        assertThat(defaults.firstMatch("svc_bkp")).isEmpty();
    }

    @Test
    void regexCharactersAreLiteralAndQuestionMarkIsOneCharacter() {
        NamePatterns p = NamePatterns.of(List.of("srv.bk?", "a+b"));
        assertThat(p.firstMatch("srv.bk1")).contains("srv.bk?");
        assertThat(p.firstMatch("srvxbk1")).isEmpty();
        assertThat(p.firstMatch("a+b")).contains("a+b");
        assertThat(p.firstMatch("aab")).isEmpty();
    }

    @Test
    void emptyValuesMatchNothing() {
        assertThat(defaults.firstMatch("")).isEmpty();
        assertThat(defaults.firstMatch(null)).isEmpty();
    }

    @Test
    void anEmptyPatternInTheThresholdIsRejectedNamingTheRule() {
        Rule rule = CatalogueLoader.builtIn().rule("backup-server-domain-joined");
        Map<String, Object> t = new LinkedHashMap<>(rule.thresholds());
        t.put("namePatterns", List.of("*veeam*", "*"));
        var snapshot = SnapshotFixture.domain().build();
        var context = new CheckContext(snapshot.collectedAt(), rule.withThresholds(t), new DirectoryIndex(snapshot));
        assertThatThrownBy(() -> NamePatterns.of(context, "namePatterns"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backup-server-domain-joined").hasMessageContaining("namePatterns");
    }
}
