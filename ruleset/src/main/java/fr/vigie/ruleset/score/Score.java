package fr.vigie.ruleset.score;

import fr.vigie.ruleset.Category;
import java.util.List;
import java.util.Map;

/**
 * The score of one domain under one catalogue. Immutable.
 *
 * @param catalogueVersion version of the catalogue used
 * @param scoringModel     scoring model id
 * @param categoryScores   per category, the sum of points of failing rules, capped
 * @param globalScore      the highest directory category score (0 = nothing found, 100 = worst); BACKUP excluded
 * @param maturityLevel    1..5: the lowest level among failing directory rules, 5 when none fails
 * @param complete         false when some rule could not be evaluated; the level is then an upper bound
 *                         ("at most"), never a clean bill of health
 * @param notEvaluated     ids of the rules that could not be evaluated
 * @param toReachNextLevel ids of the failing rules whose level equals the current level: fixing them all is what
 *                         it takes to reach the next level (empty at level 5)
 * @param backupMaturityLevel 1..5: the lowest level among failing BACKUP rules, 5 when none fails
 * @param backupToReachNextLevel failing BACKUP rules at the current backup level
 */
public record Score(
        String catalogueVersion,
        String scoringModel,
        Map<Category, Integer> categoryScores,
        int globalScore,
        int maturityLevel,
        boolean complete,
        List<String> notEvaluated,
        List<String> toReachNextLevel,
        int backupMaturityLevel,
        List<String> backupToReachNextLevel) {

    public Score {
        categoryScores = Map.copyOf(categoryScores);
        notEvaluated = List.copyOf(notEvaluated);
        toReachNextLevel = List.copyOf(toReachNextLevel);
        backupToReachNextLevel = List.copyOf(backupToReachNextLevel);
    }
}
