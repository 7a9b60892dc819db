package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;

class LapsAbsentTest {
    private final LapsAbsent check = new LapsAbsent();

    @Test
    void flagsASchemaWithoutEitherLaps() {
        var found = evaluate(check, SnapshotFixture.domain().lapsSchema(false, false).build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).object()).isEqualTo("CN=Schema," + SnapshotFixture.CONFIG_DN);
        assertThat(found.get(0).attributes())
                .containsEntry("ms-Mcs-AdmPwd (legacy LAPS)", "absent from the schema")
                .containsEntry("msLAPS-Password (Windows LAPS)", "absent from the schema");
    }

    @Test
    void passesWithLegacyOrWindowsLaps() {
        assertThat(evaluate(check, SnapshotFixture.domain().lapsSchema(true, false).build())).isEmpty();
        assertThat(evaluate(check, SnapshotFixture.domain().lapsSchema(false, true).build())).isEmpty();
        assertThat(evaluate(check, SnapshotFixture.domain().lapsSchema(true, true).build())).isEmpty();
    }
}
