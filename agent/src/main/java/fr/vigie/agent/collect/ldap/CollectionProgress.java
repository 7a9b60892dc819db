package fr.vigie.agent.collect.ldap;

import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;

/** Receives progress during collection (for the console progress line). Called on the collecting thread. */
public interface CollectionProgress {
    CollectionProgress NONE = new CollectionProgress() {};

    default void stepStarted(DataSource step) {}

    /** Objects read so far in this step (called every few hundred objects). */
    default void objectsRead(DataSource step, long soFar) {}

    default void stepFinished(CollectionStep step) {}
}
