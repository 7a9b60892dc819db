package fr.vigie.agent.report;

import fr.vigie.agent.report.ReportDocument.RuleEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a few lines summing up a report on the console: domain, level, scores, top findings, counts, where the
 * files are, and a warning when the result is provisional. Plain text, no colours. Immutable and thread-safe.
 */
public final class ConsoleSummary {
    /** Findings listed before "and N more". */
    public static final int TOP_FINDINGS = 5;

    private ConsoleSummary() {}

    /**
     * @param report the report
     * @param files  label to path of the files written (e.g. "HTML report" to the page), in display order
     * @param out    where to print; flushed, not closed
     */
    public static void print(ReportDocument report, Map<String, Path> files, PrintWriter out) {
        String domain = oneLine(report.domain().dnsName().isEmpty() ? report.domain().dn()
                : report.domain().dnsName());
        out.println();
        out.println("Vigie audit of " + domain + " (" + oneLine(report.domain().dn()) + ")");
        out.println("  collected " + report.collection().collectedAt() + " from "
                + (report.collection().source().isEmpty() ? "unknown source" : oneLine(report.collection().source()))
                + ", catalogue " + report.catalogue().version());
        int level = report.score().maturityLevel();
        if (report.provisional()) {
            out.println("  Maturity level: <= " + level + " (PROVISIONAL: incomplete data, see the warning below)");
        } else {
            out.println("  Maturity level: " + level + " of 5");
        }
        int backupLevel = report.score().backupMaturityLevel();
        if (report.backupProvisional()) {
            boolean hostInspected = report.backup().map(ReportDocument.BackupSection::hostInspected).orElse(true);
            out.println("  Backup level:   <= " + backupLevel + " (provisional: "
                    + (hostInspected ? "some backup rules not evaluated" : "this host was not inspected") + ")");
        } else {
            out.println("  Backup level:   " + backupLevel + " of 5");
        }
        out.println("  Risk score:     " + report.score().globalScore() + "/100");
        StringBuilder cats = new StringBuilder("  Categories:     ");
        boolean first = true;
        for (Map.Entry<String, Integer> e : report.score().categoryScores().entrySet()) {
            if (!first) {
                cats.append(" | ");
            }
            cats.append(HtmlReport.categoryLabel(e.getKey())).append(' ').append(e.getValue());
            first = false;
        }
        out.println(cats);
        List<RuleEntry> failing = report.failing();
        out.println("  Rules:          " + failing.size() + " failing, " + report.passing().size() + " passing, "
                + report.notEvaluated().size() + " not evaluated");
        if (!failing.isEmpty()) {
            out.println("  Top findings:");
            for (RuleEntry r : failing.subList(0, Math.min(TOP_FINDINGS, failing.size()))) {
                out.println(String.format(Locale.ROOT, "    [L%d] %-34s %3d pts, %s: %s", r.level(), oneLine(r.id()),
                        r.points(), r.evidence().size() == 1 ? "1 object" : r.evidence().size() + " objects",
                        oneLine(r.title())));
            }
            if (failing.size() > TOP_FINDINGS) {
                out.println("    ... and " + (failing.size() - TOP_FINDINGS) + " more in the report");
            }
        }
        if (report.provisional()) {
            out.println();
            out.println("WARNING: incomplete result: the level is an upper bound, not a result.");
            if (!report.collection().missing().isEmpty()) {
                out.println("  Not collected: " + String.join(", ", report.collection().missing()));
            }
            if (!report.score().notEvaluated().isEmpty()) {
                out.println("  Not evaluated: " + String.join(", ", report.score().notEvaluated()));
            }
            out.println("  Fix the collection (see the Collection section of the HTML report) and run again.");
        }
        if (!files.isEmpty()) {
            out.println();
            int width = files.keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, Path> e : files.entrySet()) {
                out.println(String.format(Locale.ROOT, "  %-" + width + "s  %s", e.getKey(), e.getValue()));
            }
        }
        out.flush();
    }

    /**
     * Collapses line breaks and control characters (including the ESC of terminal escape sequences): directory data
     * must not forge console lines or drive the terminal.
     */
    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}+", " ");
    }
}
