package fr.vigie.ruleset.score;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {
    @TempDir Path dir;
    Scorer scorer;

    @BeforeEach
    void catalogue() throws IOException {
        Files.writeString(dir.resolve("catalogue.yaml"), "version: \"t1\"\nscoringModel: m\ncategoryCap: 100\nfiles: [r.yaml]\n");
        StringBuilder rules = new StringBuilder("rules:\n");
        rule(rules, "a", "ANOMALIES", 60, 2);
        rule(rules, "b", "ANOMALIES", 70, 3);
        rule(rules, "c", "TRUSTS", 30, 1);
        rule(rules, "d", "STALE_OBJECTS", 10, 4);
        rule(rules, "e", "BACKUP", 40, 2);
        Files.writeString(dir.resolve("r.yaml"), rules);
        Catalogue c = CatalogueLoader.fromDirectory(dir);
        scorer = new Scorer(c);
    }

    private static void rule(StringBuilder b, String id, String cat, int points, int level) {
        b.append("  - {id: ").append(id).append(", title: t, category: ").append(cat).append(", points: ")
                .append(points).append(", level: ").append(level).append(", description: d, remediation: r}\n");
    }

    @Test
    void nothingFailingIsLevelFiveScoreZero() {
        Score s = scorer.score(Map.of("a", RuleStatus.PASS, "b", RuleStatus.PASS, "c", RuleStatus.PASS, "d", RuleStatus.PASS, "e", RuleStatus.PASS));
        assertThat(s.maturityLevel()).isEqualTo(5);
        assertThat(s.globalScore()).isZero();
        assertThat(s.complete()).isTrue();
        assertThat(s.toReachNextLevel()).isEmpty();
    }

    @Test
    void categoryIsCappedGlobalIsMaxLevelIsLowestFailing() {
        Score s = scorer.score(Map.of("a", RuleStatus.FAIL, "b", RuleStatus.FAIL, "c", RuleStatus.PASS, "d", RuleStatus.FAIL, "e", RuleStatus.PASS));
        assertThat(s.categoryScores().get(Category.ANOMALIES)).isEqualTo(100);
        assertThat(s.categoryScores().get(Category.STALE_OBJECTS)).isEqualTo(10);
        assertThat(s.globalScore()).isEqualTo(100);
        assertThat(s.maturityLevel()).isEqualTo(2);
        assertThat(s.toReachNextLevel()).containsExactly("a");
    }

    @Test
    void backupRulesHaveTheirOwnLevelAndStayOutOfTheDomainScore() {
        Score s = scorer.score(Map.of("a", RuleStatus.PASS, "b", RuleStatus.PASS, "c", RuleStatus.PASS, "d", RuleStatus.PASS, "e", RuleStatus.FAIL));
        assertThat(s.maturityLevel()).isEqualTo(5);
        assertThat(s.globalScore()).isZero();
        assertThat(s.backupMaturityLevel()).isEqualTo(2);
        assertThat(s.backupToReachNextLevel()).containsExactly("e");
        assertThat(s.categoryScores().get(Category.BACKUP)).isEqualTo(40);
    }

    @Test
    void notEvaluatedMakesTheScoreIncompleteWithoutPoints() {
        Score s = scorer.score(Map.of("a", RuleStatus.PASS, "b", RuleStatus.PASS, "c", RuleStatus.NOT_EVALUATED, "d", RuleStatus.PASS, "e", RuleStatus.PASS));
        assertThat(s.complete()).isFalse();
        assertThat(s.notEvaluated()).containsExactly("c");
        assertThat(s.globalScore()).isZero();
    }
}
