package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.DirectoryServiceConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecycleBinDisabledTest {
    private final RecycleBinDisabled check = new RecycleBinDisabled();

    private static SnapshotFixture withFeatures(List<String> features) {
        return SnapshotFixture.domain().directoryService(
                new DirectoryServiceConfig(Optional.empty(), Optional.empty(), Optional.empty(), features));
    }

    @Test
    void flagsAForestWithoutTheRecycleBinFeature() {
        var found = evaluate(check, withFeatures(List.of()).build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).object()).isEqualTo("CN=Partitions," + SnapshotFixture.CONFIG_DN);
        assertThat(found.get(0).attributes()).containsEntry("msDS-EnabledFeature", "(none)");
    }

    @Test
    void listsTheOtherEnabledFeaturesWhenOnlyThoseAreOn() {
        String pam = "CN=Privileged Access Management Feature,CN=Optional Features,CN=Directory Service,"
                + "CN=Windows NT,CN=Services," + SnapshotFixture.CONFIG_DN;
        var found = evaluate(check, withFeatures(List.of(pam)).build());
        assertThat(found.get(0).attributes()).containsEntry("msDS-EnabledFeature", pam);
    }

    @Test
    void passesWhenTheRecycleBinIsEnabled() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
