package fr.vigie.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the rule catalogue: what is checked, how it scores and how to fix it. Immutable and thread-safe.
 *
 * @param id          stable identifier, kebab-case (e.g. {@code delegation-unconstrained}); never null
 * @param title       one line shown in reports
 * @param category    risk category the points go to
 * @param points      points added to the category when the rule fails (0..100)
 * @param level       ANSSI-style maturity level (1..5) at which the rule fails: a domain with a failing rule of
 *                    level L is at most at level L
 * @param anssi       ANSSI checkpoint ids ({@code vuln_*}) this rule implements; may be empty
 * @param pingCastle  PingCastle rule ids this rule corresponds to; may be empty
 * @param thresholds  effective thresholds (defaults merged with site overrides); values are Long, Boolean, String
 *                    or List of String
 * @param description what the rule detects and why it matters
 * @param remediation what to do, in plain words
 */
public record Rule(
        String id,
        String title,
        Category category,
        int points,
        int level,
        List<String> anssi,
        List<String> pingCastle,
        Map<String, Object> thresholds,
        String description,
        String remediation) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        anssi = List.copyOf(anssi);
        pingCastle = List.copyOf(pingCastle);
        thresholds = Map.copyOf(thresholds);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(remediation, "remediation");
    }

    /** A numeric threshold; fails loudly when the catalogue does not declare it (a programming error). */
    public long longThreshold(String name) {
        Object v = requireThreshold(name);
        if (!(v instanceof Long l)) {
            throw new IllegalStateException("rule " + id + ": threshold '" + name + "' is not a number");
        }
        return l;
    }

    /** A list-of-strings threshold (e.g. name patterns). */
    @SuppressWarnings("unchecked")
    public List<String> stringListThreshold(String name) {
        Object v = requireThreshold(name);
        if (!(v instanceof List<?> list)) {
            throw new IllegalStateException("rule " + id + ": threshold '" + name + "' is not a list");
        }
        return (List<String>) list;
    }

    private Object requireThreshold(String name) {
        Object v = thresholds.get(name);
        if (v == null) {
            throw new IllegalStateException("rule " + id + " declares no threshold '" + name + "'");
        }
        return v;
    }

    /** This rule with other effective thresholds. */
    public Rule withThresholds(Map<String, Object> effective) {
        return new Rule(id, title, category, points, level, anssi, pingCastle, effective, description, remediation);
    }
}
