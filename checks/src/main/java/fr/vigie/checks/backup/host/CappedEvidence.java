package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects evidence up to a limit so that a location of 100,000 world-readable files yields a readable report: past
 * the limit one summary entry says how many more were found. Not thread-safe: one per evaluation.
 */
final class CappedEvidence {
    static final int LIMIT = 50;

    private final List<Evidence> kept = new ArrayList<>();
    private final String what;
    private long more;

    /** @param what plural noun of the summary, e.g. "world-writable backup files and folders" */
    CappedEvidence(String what) {
        this.what = what;
    }

    void add(Evidence e) {
        if (kept.size() < LIMIT) {
            kept.add(e);
        } else {
            more++;
        }
    }

    List<Evidence> list() {
        if (more == 0) {
            return List.copyOf(kept);
        }
        List<Evidence> out = new ArrayList<>(kept);
        out.add(new Evidence("(" + more + " more)", "", null)
                .with("summary", more + " more " + what + " not listed (first " + LIMIT + " shown)"));
        return List.copyOf(out);
    }
}
