package fr.vigie.ruleset.score;

/** Outcome of one rule on one snapshot. */
public enum RuleStatus {
    /** The data the rule needs was collected and nothing was found. */
    PASS,
    /** The rule found something: its points count and its level caps the maturity level. */
    FAIL,
    /** The data the rule needs is missing from the snapshot: the rule says nothing, and the score is provisional. */
    NOT_EVALUATED
}
