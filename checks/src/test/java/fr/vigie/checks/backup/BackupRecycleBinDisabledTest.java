package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.DirectoryServiceConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupRecycleBinDisabledTest {
    private final BackupRecycleBinDisabled check = new BackupRecycleBinDisabled();

    @Test
    void flagsAForestWithoutTheRecycleBinAsSambaProvisionsIt() {
        var f = SnapshotFixture.domain().directoryService(
                new DirectoryServiceConfig(Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        var found = evaluate(check, f.build());
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo("CN=Partitions," + SnapshotFixture.CONFIG_DN);
            assertThat(e.attributes()).containsEntry("msDS-EnabledFeature", "(none)");
        });
    }

    @Test
    void aFeatureWithASimilarNameIsNotTheRecycleBin() {
        String other = "CN=Recycle Bin Feature Preview,CN=Optional Features," + SnapshotFixture.CONFIG_DN;
        var f = SnapshotFixture.domain().directoryService(
                new DirectoryServiceConfig(Optional.empty(), Optional.empty(), Optional.empty(), List.of(other)));
        assertThat(evaluate(check, f.build())).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("msDS-EnabledFeature", other));
    }

    @Test
    void passesWhenTheRecycleBinIsEnabled() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
