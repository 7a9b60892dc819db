package fr.vigie.snapshot;

/** How one collection step ended. */
public enum StepStatus {
    /** Every object of the step was read. */
    COMPLETE,
    /** The step stopped before the end (error, time limit, size limit, lost connection): its data is partial. */
    FAILED,
    /** The step was not attempted (e.g. an earlier step it depends on failed). */
    SKIPPED
}
