package fr.vigie.checks.dc;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineAccountQuotaTest {
    private final MachineAccountQuota check = new MachineAccountQuota();

    @Test
    void flagsTheDefaultQuotaOfTen() {
        List<Evidence> found = evaluate(check, SnapshotFixture.domain().machineAccountQuota(10).build());
        assertThat(names(found)).containsExactly(SnapshotFixture.DOMAIN_DN);
        assertThat(found.get(0).attributes()).containsEntry("ms-DS-MachineAccountQuota", "10");
    }

    @Test
    void flagsAQuotaOfOne() {
        assertThat(evaluate(check, SnapshotFixture.domain().machineAccountQuota(1).build())).hasSize(1);
    }

    @Test
    void anAbsentQuotaMeansTheActiveDirectoryDefaultOfTen() {
        List<Evidence> found = evaluate(check, SnapshotFixture.domain().machineAccountQuota(null).build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).attributes().get("ms-DS-MachineAccountQuota")).startsWith("absent").contains("10");
    }

    @Test
    void passesWithAQuotaOfZero() {
        assertThat(evaluate(check, SnapshotFixture.domain().machineAccountQuota(0).build())).isEmpty();
    }
}
