package fr.vigie.snapshot;

import java.util.Objects;
import java.util.Optional;

/**
 * The record of one collection step. Immutable.
 *
 * @param source  what was collected
 * @param status  how the step ended
 * @param objects number of objects read (for a failed step: read before the failure)
 * @param error   for a failed or skipped step, what went wrong, in words an administrator can act on
 */
public record CollectionStep(DataSource source, StepStatus status, long objects, Optional<String> error) {
    public CollectionStep {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        error = error == null ? Optional.empty() : error;
    }

    public static CollectionStep complete(DataSource source, long objects) {
        return new CollectionStep(source, StepStatus.COMPLETE, objects, Optional.empty());
    }

    public static CollectionStep failed(DataSource source, long objects, String error) {
        return new CollectionStep(source, StepStatus.FAILED, objects, Optional.of(error));
    }

    public static CollectionStep skipped(DataSource source, String why) {
        return new CollectionStep(source, StepStatus.SKIPPED, 0, Optional.of(why));
    }

    public boolean isComplete() {
        return status == StepStatus.COMPLETE;
    }
}
