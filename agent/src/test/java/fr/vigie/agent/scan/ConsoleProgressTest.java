package fr.vigie.agent.scan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final StringWriter out = new StringWriter();
    private final AtomicLong clock = new AtomicLong();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), clock::get);

    private long lines() {
        return out.toString().lines().count();
    }

    @Test
    void printsTheStepTheObjectsSoFarAndTheRateAtMostOncePerSecond() {
        progress.stepStarted(DataSource.USERS);
        clock.set(SECOND / 2);
        progress.objectsRead(DataSource.USERS, 1000); // too soon
        assertThat(lines()).isEqualTo(1);

        clock.set(2 * SECOND);
        progress.objectsRead(DataSource.USERS, 5000);
        assertThat(lines()).isEqualTo(2);
        assertThat(out.toString()).contains("collecting users...")
                .contains("users: 5,000 objects so far (2,500 objects/s)");

        clock.set(2 * SECOND + SECOND / 10);
        progress.objectsRead(DataSource.USERS, 6000); // within the same second
        assertThat(lines()).isEqualTo(2);
    }

    @Test
    void aSlowStepPrintsOnlyEvery500Objects() {
        progress.stepStarted(DataSource.GROUPS);
        clock.set(10 * SECOND);
        progress.objectsRead(DataSource.GROUPS, 300);
        assertThat(lines()).isEqualTo(1);
        clock.set(20 * SECOND);
        progress.objectsRead(DataSource.GROUPS, 500);
        assertThat(lines()).isEqualTo(2);
    }

    @Test
    void reportsHowEachStepEnded() {
        progress.stepStarted(DataSource.COMPUTERS);
        clock.set(4 * SECOND);
        progress.stepFinished(CollectionStep.complete(DataSource.COMPUTERS, 10_000));
        progress.stepStarted(DataSource.TRUSTS);
        progress.stepFinished(CollectionStep.failed(DataSource.TRUSTS, 3, "insufficient access rights"));

        assertThat(out.toString()).contains("computers: 10,000 objects in 4.0 s (2,500 objects/s)")
                .contains("trusts: FAILED after 3 objects: insufficient access rights");
    }
}
