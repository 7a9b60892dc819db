package fr.vigie.checks.trusts;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;

class SidHistoryPresentTest {
    private final SidHistoryPresent check = new SidHistoryPresent();

    @Test
    void flagsUsersAndComputersWithSidHistoryAndListsTheValues() {
        var f = SnapshotFixture.domain();
        f.user("jdupont").sidHistory("S-1-5-21-7-8-9-1234", "S-1-5-21-7-8-9-1235").add();
        f.computer("PC-OLD").disabled().sidHistory("S-1-5-21-7-8-9-2001").add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("jdupont", "PC-OLD$");
        assertThat(found.get(0).attributes())
                .containsEntry("sIDHistory", "S-1-5-21-7-8-9-1234, S-1-5-21-7-8-9-1235");
    }

    @Test
    void passesWhenNoAccountHasSidHistory() {
        var f = SnapshotFixture.domain();
        f.user("jdupont").add();
        f.computer("PC1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
