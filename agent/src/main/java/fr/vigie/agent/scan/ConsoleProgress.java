package fr.vigie.agent.scan;

import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Prints collection progress, one line at a time (suited to terminals and to log files alike): the step that starts,
 * then while it runs the objects read so far and the rate, at most once per {@link #MIN_INTERVAL_NANOS} and per
 * {@link #MIN_OBJECTS} objects, then how it ended. Called on the collecting thread only; not thread-safe.
 */
public final class ConsoleProgress implements CollectionProgress {
    /** At most one progress line per second... */
    public static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
    /** ...and per this many objects. */
    public static final long MIN_OBJECTS = 500;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private long stepStart;
    private long lastPrintTime;
    private long lastPrintCount;

    /**
     * @param err      where lines go (stderr, so that stdout keeps only the summary)
     * @param nanoTime monotonic clock ({@code System::nanoTime})
     */
    public ConsoleProgress(PrintWriter err, LongSupplier nanoTime) {
        this.err = Objects.requireNonNull(err, "err");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void stepStarted(DataSource step) {
        stepStart = nanoTime.getAsLong();
        lastPrintTime = stepStart;
        lastPrintCount = 0;
        err.println("collecting " + label(step) + "...");
        err.flush();
    }

    @Override
    public void objectsRead(DataSource step, long soFar) {
        long now = nanoTime.getAsLong();
        if (soFar - lastPrintCount < MIN_OBJECTS || now - lastPrintTime < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPrintTime = now;
        lastPrintCount = soFar;
        err.println(String.format(Locale.ROOT, "  %s: %,d objects so far (%,d objects/s)", label(step), soFar,
                rate(soFar, now - stepStart)));
        err.flush();
    }

    @Override
    public void stepFinished(CollectionStep step) {
        long elapsed = nanoTime.getAsLong() - stepStart;
        if (step.isComplete()) {
            err.println(String.format(Locale.ROOT, "  %s: %,d objects in %.1f s (%,d objects/s)", label(step.source()),
                    step.objects(), elapsed / 1e9, rate(step.objects(), elapsed)));
        } else {
            String error = step.error().orElse("no detail").replaceAll("\\p{Cntrl}+", " ");
            err.println(String.format(Locale.ROOT, "  %s: %s after %,d objects: %s", label(step.source()),
                    step.status(), step.objects(), error));
        }
        err.flush();
    }

    private static long rate(long objects, long nanos) {
        return nanos <= 0 ? 0 : Math.round(objects * 1e9 / nanos);
    }

    private static String label(DataSource step) {
        return step.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
