package fr.vigie.agent.bench;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one benchmark run measured, and the text it prints (one {@code label: value} line per figure, readable and
 * parsed back by {@link #parse(String)}). Immutable.
 *
 * @param objects            objects asked for (users, computers and groups generated)
 * @param serverEntries      entries the server holds (generated objects plus the forest's built-in ones)
 * @param serverLoadMillis   time the child JVM took to generate and load them
 * @param childHeapMb        -Xmx given to the child JVM
 * @param objectsCollected   accounts, groups, foreign principals and trusts in the snapshot
 * @param collectionMillis   wall time of {@code LdapDirectoryCollector.collect}
 * @param auditMillis        wall time of {@code Audit.run} (index + every check + score)
 * @param peakHeapBytes      sum of the peak usages of the agent JVM's heap pools, reset before collection
 * @param maxHeapBytes       the agent JVM's maximum heap
 * @param snapshotBytes      size of the snapshot as JSON
 * @param complete           every collection step completed
 */
public record BenchFigures(int objects, int serverEntries, long serverLoadMillis, long childHeapMb,
        long objectsCollected, long collectionMillis, long auditMillis, long peakHeapBytes, long maxHeapBytes,
        long snapshotBytes, boolean complete) {

    private static final double MB = 1024.0 * 1024.0;
    private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z ()]+):\\s+(\\S+)");

    /** Objects collected per second of collection. */
    public double objectsPerSecond() {
        return collectionMillis == 0 ? 0 : objectsCollected * 1000.0 / collectionMillis;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "  objects asked:          %d%n", objects);
        out.printf(Locale.ROOT, "  server entries:         %d (loaded in %.2f s by a child JVM with -Xmx%dm)%n",
                serverEntries, serverLoadMillis / 1000.0, childHeapMb);
        out.printf(Locale.ROOT, "  objects collected:      %d%s%n", objectsCollected, complete ? "" : " (INCOMPLETE)");
        out.printf(Locale.ROOT, "  collection wall time:   %.2f s%n", collectionMillis / 1000.0);
        out.printf(Locale.ROOT, "  collection rate:        %.0f objects/s%n", objectsPerSecond());
        out.printf(Locale.ROOT, "  audit (checks) time:    %.2f s%n", auditMillis / 1000.0);
        out.printf(Locale.ROOT, "  peak heap used:         %.1f MB (agent JVM, of %.0f MB max)%n",
                peakHeapBytes / MB, maxHeapBytes / MB);
        out.printf(Locale.ROOT, "  snapshot JSON size:     %.1f MB%n", snapshotBytes / MB);
    }

    /**
     * Reads back what {@link #print} wrote (the figures are rounded as printed).
     *
     * @throws IllegalArgumentException when a figure is missing or unreadable
     */
    public static BenchFigures parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                values.put(m.group(1).strip(), m.group(2));
            }
        }
        for (String key : List.of("objects asked", "server entries", "objects collected", "collection wall time",
                "collection rate", "audit (checks) time", "peak heap used", "snapshot JSON size")) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("benchmark output has no '" + key + "' figure");
            }
        }
        try {
            Matcher server = Pattern.compile("server entries:\\s+(\\d+) \\(loaded in ([0-9.]+) s by a child JVM "
                    + "with -Xmx(\\d+)m\\)").matcher(text);
            Matcher heap = Pattern.compile("peak heap used:\\s+([0-9.]+) MB \\(agent JVM, of ([0-9.]+) MB max\\)")
                    .matcher(text);
            if (!server.find() || !heap.find()) {
                throw new IllegalArgumentException("benchmark output has unreadable server or heap figures");
            }
            return new BenchFigures(Integer.parseInt(values.get("objects asked")), Integer.parseInt(server.group(1)),
                    seconds(server.group(2)), Long.parseLong(server.group(3)),
                    Long.parseLong(values.get("objects collected")), seconds(values.get("collection wall time")),
                    seconds(values.get("audit (checks) time")), (long) (Double.parseDouble(heap.group(1)) * MB),
                    (long) (Double.parseDouble(heap.group(2)) * MB),
                    (long) (Double.parseDouble(values.get("snapshot JSON size")) * MB),
                    !text.contains("(INCOMPLETE)"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("benchmark output has an unreadable figure: " + e.getMessage(), e);
        }
    }

    private static long seconds(String s) {
        return Math.round(Double.parseDouble(s) * 1000);
    }
}
