package fr.vigie.ruleset.score;

import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.Category;
import fr.vigie.ruleset.Rule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the scoring model {@code vigie-score-1} (PingCastle's shape, ANSSI's levels):
 * <ul>
 *   <li>category score = sum of the points of the failing rules of the category, capped at the catalogue's cap;</li>
 *   <li>global score = the highest category score of the directory categories;</li>
 *   <li>maturity level = the lowest level among failing directory rules, 5 when none fails;</li>
 *   <li>backup maturity level = the same over the rules of category BACKUP (its own scale);</li>
 *   <li>a rule that could not be evaluated adds no points but makes the score incomplete.</li>
 * </ul>
 * Thread-safe: holds only the immutable catalogue.
 */
public final class Scorer {
    private final Catalogue catalogue;

    public Scorer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Scores the outcomes of a run.
     *
     * @param outcomes rule id to status; every rule of the catalogue must be present
     * @throws IllegalArgumentException when a rule of the catalogue has no outcome or an outcome names no rule
     */
    public Score score(Map<String, RuleStatus> outcomes) {
        for (String id : outcomes.keySet()) {
            catalogue.rule(id);
        }
        Map<Category, Integer> sums = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            sums.put(c, 0);
        }
        int level = 5;
        int backupLevel = 5;
        List<String> notEvaluated = new ArrayList<>();
        List<Rule> failing = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            RuleStatus status = outcomes.get(rule.id());
            if (status == null) {
                throw new IllegalArgumentException("no outcome for rule " + rule.id());
            }
            switch (status) {
                case FAIL -> {
                    failing.add(rule);
                    sums.merge(rule.category(), rule.points(), Integer::sum);
                    if (rule.category().isDirectory()) {
                        level = Math.min(level, rule.level());
                    } else {
                        backupLevel = Math.min(backupLevel, rule.level());
                    }
                }
                case NOT_EVALUATED -> notEvaluated.add(rule.id());
                case PASS -> { }
            }
        }
        int global = 0;
        for (Map.Entry<Category, Integer> e : sums.entrySet()) {
            e.setValue(Math.min(e.getValue(), catalogue.categoryCap()));
            if (e.getKey().isDirectory()) {
                global = Math.max(global, e.getValue());
            }
        }
        List<String> next = new ArrayList<>();
        List<String> backupNext = new ArrayList<>();
        for (Rule r : failing) {
            if (r.category().isDirectory() && r.level() == level) {
                next.add(r.id());
            } else if (!r.category().isDirectory() && r.level() == backupLevel) {
                backupNext.add(r.id());
            }
        }
        return new Score(catalogue.version(), catalogue.scoringModel(), sums, global, level, notEvaluated.isEmpty(),
                notEvaluated, next, backupLevel, backupNext);
    }
}
