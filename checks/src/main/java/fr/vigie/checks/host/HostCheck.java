package fr.vigie.checks.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One host check: a pure function of a host snapshot (and, when it needs one, of the directory snapshot's index),
 * implementing exactly one rule of the catalogue. Same contract as {@link fr.vigie.checks.Check}: small final
 * classes without mutable state, no I/O, no clock ("now" is {@link HostCheckContext#asOf()}). Thread-safe.
 *
 * <p>How {@link fr.vigie.checks.Audit} turns the evidence into a status: no host snapshot -&gt; not evaluated
 * (missing "HOST"); evidence found -&gt; fail, even on partial data (the findings are then a lower bound and the
 * incomplete sources are listed); nothing found while a required source is incomplete -&gt; not evaluated; nothing
 * found on complete data -&gt; pass. Checks that conclude from an absence (no fresh backup, no immutable copy) must
 * therefore only report what the readable data proves.
 */
public interface HostCheck {
    /** The catalogue rule this check implements. */
    String ruleId();

    /** The host collection steps this check reads. */
    Set<HostDataSource> requires();

    /**
     * The directory collection steps this check also reads. When non-empty the check needs the directory snapshot:
     * without one the rule is "not evaluated" (missing "DIRECTORY"). Default: none.
     */
    default Set<DataSource> requiresDirectory() {
        return Set.of();
    }

    /**
     * Evaluates the host snapshot.
     *
     * @param host      the host snapshot
     * @param directory the directory snapshot's index, when a directory snapshot was collected; always present
     *                  when {@link #requiresDirectory()} is non-empty
     * @param context   time of collection and the rule with its effective thresholds
     * @return the evidence of the problem (one entry per offending share, mount, file or account); empty when
     *         nothing was found
     */
    List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context);
}
