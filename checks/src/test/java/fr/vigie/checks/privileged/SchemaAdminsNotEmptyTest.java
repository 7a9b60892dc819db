package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaAdminsNotEmptyTest {
    private final SchemaAdminsNotEmpty check = new SchemaAdminsNotEmpty();

    @Test
    void flagsEveryRecursiveMemberIncludingDisabledAndForeignOnes() {
        var f = SnapshotFixture.domain();
        f.addMember("Schema Admins", f.user("Administrator").add().dn());
        f.addMember("Schema Admins", f.group("Exchange Setup"));
        f.addMember("Exchange Setup", f.user("exch-install").disabled().add().dn());
        f.addMember("Exchange Setup", f.foreignPrincipal("S-1-5-21-9-9-9-1105"));
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactlyInAnyOrder("Administrator", "exch-install", "S-1-5-21-9-9-9-1105");
        assertThat(found).allSatisfy(e -> assertThat(e.attributes()).containsEntry("group", "Schema Admins"));
        assertThat(found.stream().filter(e -> e.name().equals("exch-install")).findFirst().orElseThrow()
                .attributes().get("memberType")).isEqualTo("user (disabled)");
    }

    @Test
    void passesWhenSchemaAdminsIsEmptyOrOnlyHoldsAnEmptyGroup() {
        var f = SnapshotFixture.domain();
        f.addMember("Schema Admins", f.group("Empty Group"));
        f.addMember("Domain Admins", f.user("alice").add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
