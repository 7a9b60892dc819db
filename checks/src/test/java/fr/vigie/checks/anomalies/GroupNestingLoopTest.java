package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupNestingLoopTest {
    private final GroupNestingLoop check = new GroupNestingLoop();

    /** Makes {@code inner} a member of {@code outer}, creating them (outer first) when new. */
    private static void nest(SnapshotFixture f, String outer, String inner) {
        f.group(outer);
        f.addMember(outer, f.group(inner));
    }

    @Test
    void reportsAThreeGroupLoopInNestingOrder() {
        var f = SnapshotFixture.domain();
        f.group("GG-Urgences");
        nest(f, "GG-Urgences", "GG-SAU");
        nest(f, "GG-SAU", "GG-Medecins");
        nest(f, "GG-Medecins", "GG-Urgences");
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("GG-Urgences");
        assertThat(found.get(0).attributes().get("cycle"))
                .isEqualTo("GG-Urgences -> GG-SAU -> GG-Medecins -> GG-Urgences");
        assertThat(found.get(0).attributes()).doesNotContainKey("groups in the loop");
        assertThat(found.get(0).attributes().get("cycle (DN)"))
                .startsWith("CN=GG-Urgences,CN=Users,DC=ch-test,DC=local -> CN=GG-SAU,")
                .endsWith(" -> CN=GG-Urgences,CN=Users,DC=ch-test,DC=local");
    }

    @Test
    void reportsAGroupMemberOfItselfAndTwoSeparateLoops() {
        var f = SnapshotFixture.domain();
        nest(f, "A", "A");
        nest(f, "B", "C");
        nest(f, "C", "B");
        List<Evidence> found = evaluate(check, f.build());
        assertThat(found).extracting(e -> e.attributes().get("cycle")).containsExactly("A -> A", "B -> C -> B");
    }

    @Test
    void namesEveryGroupOfAComponentLargerThanItsShortestCycle() {
        var f = SnapshotFixture.domain();
        nest(f, "A", "B");
        nest(f, "B", "A");
        nest(f, "B", "C");
        nest(f, "C", "A");
        List<Evidence> found = evaluate(check, f.build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).attributes().get("cycle")).isEqualTo("A -> B -> A");
        assertThat(found.get(0).attributes().get("groups in the loop")).isEqualTo("A, B, C");
    }

    @Test
    void aDiamondOrAChainIsNotALoop() {
        var f = SnapshotFixture.domain();
        nest(f, "Top", "Left");
        nest(f, "Top", "Right");
        nest(f, "Left", "Bottom");
        nest(f, "Right", "Bottom");
        nest(f, "Domain Admins", "Top");
        f.addMember("Bottom", f.user("alice").add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void handlesAChainOfTwentyThousandGroupsClosedIntoOneLoopWithoutRecursion() {
        var f = SnapshotFixture.domain();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            nest(f, "G" + i, "G" + (i + 1));
        }
        var open = f.build();
        assertThat(evaluate(check, open)).isEmpty();
        nest(f, "G" + n, "G0");
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("G0");
        assertThat(found.get(0).attributes().get("cycle")).startsWith("G0 -> G1 -> G2 -> ").endsWith("G20000 -> G0");
    }
}
