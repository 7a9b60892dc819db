package fr.vigie.checks.dc;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DcPasswordOldTest {
    private final DcPasswordOld check = new DcPasswordOld();

    @Test
    void flagsADomainControllerWhosePasswordIs45DaysOld() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").pwdLastSet(daysAgo(45)).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("DC1$");
        assertThat(found.get(0).attributes()).containsEntry("pwdLastSet", daysAgo(45) + " (45 days ago)");
    }

    @Test
    void flagsADomainControllerWithoutPasswordDate() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").pwdLastSet(null).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("DC1$");
        assertThat(found.get(0).attributes()).containsEntry("pwdLastSet", "never");
    }

    @Test
    void ignoresA44DaysOldPasswordAndMemberComputers() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").pwdLastSet(daysAgo(44)).add();
        f.domainController("DC2").add();
        f.computer("SRV").pwdLastSet(daysAgo(400)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
        assertThat(names(evaluate(check, f.build(), Map.of("maxPasswordAgeDays", 30L))))
                .containsExactly("DC1$", "DC2$");
    }
}
