package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of one collection and records how each ended: COMPLETE with its object count, FAILED with the
 * objects read before the failure and an actionable message, or SKIPPED when the DC could not be reached again.
 * No step failure escapes as an exception. Not thread-safe.
 */
final class StepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    /** The work of one step. */
    @FunctionalInterface
    interface StepBody {
        void run(StepContext ctx) throws StepFailure;
    }

    private final DirectorySession session;
    private final CollectionProgress progress;
    private final Duration responseTimeout;
    private final List<CollectionStep> steps = new ArrayList<>();

    StepRunner(DirectorySession session, CollectionProgress progress, Duration responseTimeout) {
        this.session = session;
        this.progress = progress;
        this.responseTimeout = responseTimeout;
    }

    void run(DataSource source, StepBody body) {
        progress.stepStarted(source);
        Optional<LDAPConnection> connection = session.connection();
        if (connection.isEmpty()) {
            finish(CollectionStep.skipped(source, session.unavailableReason()), 0);
            return;
        }
        StepContext ctx = new StepContext(source, connection.get(), progress, responseTimeout);
        try {
            body.run(ctx);
            ctx.checkMalformed();
            finish(CollectionStep.complete(source, ctx.objects()), ctx.references());
        } catch (StepFailure f) {
            if (f.connectionLost() || !connection.get().isConnected()) {
                session.markLost(source.name());
            }
            finish(CollectionStep.failed(source, ctx.objects(), f.getMessage()), ctx.references());
        } catch (RuntimeException e) {
            LOG.error("{}: unexpected error", source, e);
            if (!connection.get().isConnected()) {
                session.markLost(source.name());
            }
            finish(CollectionStep.failed(source, ctx.objects(), "internal error while reading " + source + " (" + e
                    + ") — please report it with the log"), ctx.references());
        }
    }

    /** Records the outcome of a step already announced with {@link CollectionProgress#stepStarted}. */
    void record(CollectionStep step) {
        finish(step, 0);
    }

    void skip(DataSource source, String why) {
        progress.stepStarted(source);
        finish(CollectionStep.skipped(source, why), 0);
    }

    List<CollectionStep> steps() {
        return List.copyOf(steps);
    }

    private void finish(CollectionStep step, long references) {
        steps.add(step);
        if (step.isComplete()) {
            LOG.info("{}: {} object(s){}", step.source(), step.objects(),
                    references > 0 ? ", " + references + " continuation reference(s) ignored" : "");
        } else if (step.status() == fr.vigie.snapshot.StepStatus.SKIPPED) {
            LOG.warn("{}: SKIPPED: {}", step.source(), step.error().orElse(""));
        } else {
            LOG.warn("{}: FAILED after {} object(s): {}", step.source(), step.objects(), step.error().orElse(""));
        }
        progress.stepFinished(step);
    }
}
