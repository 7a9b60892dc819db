package fr.vigie.snapshot.host;

import fr.vigie.snapshot.StepStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one host collection step. Immutable.
 *
 * <p>{@link StepStatus#FAILED} means the data is partial: some of it was read (e.g. one backup location timed out,
 * one line of {@code /etc/exports} could not be parsed). A host check that finds something in partial data still
 * fails; one that finds nothing is "not evaluated", never a pass.
 *
 * @param source  what was collected
 * @param status  how the step ended
 * @param objects number of objects read (for a failed step: read before or despite the failure)
 * @param error   for a failed or skipped step, what went wrong, in words an administrator can act on
 * @param notes   what was noticed on the way without failing the step (not applicable to this OS, a path that
 *                does not exist, a command not installed, a fallback used); never secrets
 */
public record HostCollectionStep(HostDataSource source, StepStatus status, long objects, Optional<String> error,
                                 List<String> notes) {
    public HostCollectionStep {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        error = Lists.opt(error);
        notes = Lists.copy(notes);
    }

    public static HostCollectionStep complete(HostDataSource source, long objects, List<String> notes) {
        return new HostCollectionStep(source, StepStatus.COMPLETE, objects, Optional.empty(), notes);
    }

    public static HostCollectionStep failed(HostDataSource source, long objects, String error, List<String> notes) {
        return new HostCollectionStep(source, StepStatus.FAILED, objects, Optional.of(error), notes);
    }

    public static HostCollectionStep skipped(HostDataSource source, String why) {
        return new HostCollectionStep(source, StepStatus.SKIPPED, 0, Optional.of(why), List.of());
    }

    public boolean isComplete() {
        return status == StepStatus.COMPLETE;
    }
}
