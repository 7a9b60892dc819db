package fr.vigie.checks;

import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * One check: a pure function of a snapshot, implementing exactly one rule of the catalogue. Implementations are
 * small final classes without mutable state; they do no I/O and never read the clock ("now" is
 * {@link CheckContext#asOf()}). Thread-safe by construction.
 *
 * <p>Adding a check: one class in the family package, one entry in the family's rule file of the ruleset module,
 * one line in the family's registry list, and a sibling test with a positive and a negative fixture.
 */
public interface Check {
    /** The catalogue rule this check implements. */
    String ruleId();

    /** The collection steps this check reads: when one is missing, the rule is reported "not evaluated". */
    Set<DataSource> requires();

    /**
     * Evaluates the snapshot.
     *
     * @return the evidence of the problem (one entry per offending object or fact); empty when the rule passes
     */
    List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context);
}
